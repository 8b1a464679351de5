package io.salesrisk.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One generated customer with its history.
 *
 * @param injectedRisk null, or which risk was planted: OVER_LIMIT, LONG_OVERDUE, DISCOUNT_ABUSE, DETERIORATING,
 *                     SALES_COLLAPSE
 */
public record DemoCustomer(String id, String name, String segment, String region, String industry, int yearsInBusiness,
                           String externalRating, String riskClass, BigDecimal creditLimit, int paymentTermsDays,
                           List<MonthlySales> sales, List<Invoice> invoices, List<OpenOrder> orders, String injectedRisk) {

    /** Sales of one month. */
    public record MonthlySales(YearMonth month, BigDecimal amount) {
    }

    /** An invoice; unpaid when {@code paidDate} is null. */
    public record Invoice(String id, LocalDate issueDate, LocalDate dueDate, BigDecimal amount, BigDecimal paidAmount,
                          LocalDate paidDate) {
    }

    /** An order approved and not yet invoiced, or one already invoiced with its discount. */
    public record OpenOrder(String id, BigDecimal amount, LocalDate orderDate, int paymentTermsDays,
                            BigDecimal discountPercent, boolean contractSigned, String salesRep,
                            LocalDate requestedDeliveryDate, String status) {
    }
}
