package io.salesrisk.ruleset.scenario;

import io.salesrisk.ordercheck.OrderFacts;
import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.Customer;
import io.salesrisk.facts.Order;
import io.salesrisk.facts.PaymentBehaviour;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds order facts from a scenario's "given" columns. Anything not given takes the value of a clean order: a
 * class A enterprise customer with a 1,000,000 limit and nothing open, an order of 1,000 on 14 days with a signed
 * contract and no discount.
 */
public final class ScenarioFacts {

    /** Column names a scenario may give. */
    public static final Set<String> COLUMNS = Set.of("risk_class", "segment", "region", "industry", "years_in_business",
            "external_rating", "credit_limit", "allowed_terms_days", "open_receivables", "overdue_amount",
            "oldest_overdue_days", "open_orders", "amount", "currency", "payment_terms_days", "discount_percent",
            "contract_signed", "on_time_percent", "average_days_late", "dso_days");

    private ScenarioFacts() {
    }

    /** The facts; an unknown column or a value that does not parse is an {@link IllegalArgumentException}. */
    public static OrderFacts build(Map<String, String> given, LocalDate asOf) {
        for (String column : given.keySet()) {
            if (!COLUMNS.contains(column)) {
                throw new IllegalArgumentException("unknown column '" + column + "'");
            }
        }
        Customer customer = new Customer();
        customer.setId("SCENARIO");
        customer.setName("Scenario customer");
        customer.setSegment(text(given, "segment", "ENTERPRISE"));
        customer.setRegion(text(given, "region", "DACH"));
        customer.setIndustry(text(given, "industry", "Manufacturing"));
        customer.setYearsInBusiness(integer(given, "years_in_business", 20));
        customer.setExternalRating(text(given, "external_rating", null));
        customer.setRiskClass(text(given, "risk_class", "A"));
        customer.setCreditLimit(decimal(given, "credit_limit", "1000000"));
        customer.setAllowedPaymentTermsDays(integer(given, "allowed_terms_days", 0));
        Order order = new Order();
        order.setId("SCENARIO-ORDER");
        order.setCustomerId(customer.getId());
        order.setAmount(decimal(given, "amount", "1000"));
        order.setOriginalAmount(order.getAmount());
        order.setCurrency(text(given, "currency", "EUR"));
        order.setOrderDate(asOf);
        order.setPaymentTermsDays(integer(given, "payment_terms_days", 14));
        order.setDiscountPercent(decimal(given, "discount_percent", "0"));
        order.setContractSigned(bool(given, "contract_signed", true));
        CreditExposure exposure = CreditExposure.of(asOf, 90, customer.getCreditLimit(),
                decimal(given, "open_receivables", "0"), decimal(given, "overdue_amount", "0"),
                integer(given, "oldest_overdue_days", 0), decimal(given, "open_orders", "0"), order.getAmount());
        PaymentBehaviour payment = new PaymentBehaviour();
        payment.setOnTimePercent(decimal(given, "on_time_percent", "100"));
        payment.setAverageDaysLate(decimal(given, "average_days_late", "0"));
        payment.setDsoDays(decimal(given, "dso_days", "0"));
        return new OrderFacts(customer, order, exposure, payment);
    }

    private static String text(Map<String, String> given, String column, String fallback) {
        String value = given.get(column);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static BigDecimal decimal(Map<String, String> given, String column, String fallback) {
        String value = text(given, column, fallback);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + value + "' is not a number");
        }
    }

    private static int integer(Map<String, String> given, String column, int fallback) {
        String value = text(given, column, String.valueOf(fallback));
        try {
            return new BigDecimal(value).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(column + " '" + value + "' is not a whole number");
        }
    }

    private static boolean bool(Map<String, String> given, String column, boolean fallback) {
        String value = text(given, column, String.valueOf(fallback)).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new IllegalArgumentException(column + " '" + value + "' is not true or false");
        };
    }
}
