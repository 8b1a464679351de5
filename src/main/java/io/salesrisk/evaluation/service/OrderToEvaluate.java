package io.salesrisk.evaluation.service;

import io.salesrisk.facts.Order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A sales order as the CRM/ERP is about to approve it, in the currency it was placed in.
 *
 * @param discountPercent null for none
 * @param contractSigned  null for no
 */
public record OrderToEvaluate(String orderId, String customerId, BigDecimal amount, String currency, LocalDate orderDate,
                              int paymentTermsDays, BigDecimal discountPercent, Boolean contractSigned, String salesRep,
                              LocalDate requestedDeliveryDate) {

    /** The order fact rules are written against, with the amount converted to the base currency. */
    Order toFact(BigDecimal baseAmount) {
        Order order = new Order();
        order.setId(orderId);
        order.setCustomerId(customerId);
        order.setAmount(baseAmount);
        order.setCurrency(currency);
        order.setOriginalAmount(amount.setScale(2, RoundingMode.HALF_UP));
        order.setOrderDate(orderDate);
        order.setPaymentTermsDays(paymentTermsDays);
        order.setDiscountPercent(discountPercent == null ? BigDecimal.ZERO : discountPercent);
        order.setContractSigned(Boolean.TRUE.equals(contractSigned));
        order.setSalesRep(salesRep);
        order.setRequestedDeliveryDate(requestedDeliveryDate);
        return order;
    }
}
