package io.salesrisk.evaluation.service;

import io.salesrisk.evaluation.rest.EvaluateOrderRequest;
import io.salesrisk.facts.Order;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Maps requests to the plain fact classes rules are written against. */
public final class FactMapper {

    private FactMapper() {
    }

    public static Order order(EvaluateOrderRequest request, BigDecimal baseAmount) {
        Order order = new Order();
        order.setId(request.orderId());
        order.setCustomerId(request.customerId());
        order.setAmount(baseAmount);
        order.setCurrency(request.currency());
        order.setOriginalAmount(request.amount().setScale(2, RoundingMode.HALF_UP));
        order.setOrderDate(request.orderDate());
        order.setPaymentTermsDays(request.paymentTermsDays());
        order.setDiscountPercent(request.discountPercent() == null ? BigDecimal.ZERO : request.discountPercent());
        order.setContractSigned(Boolean.TRUE.equals(request.contractSigned()));
        order.setSalesRep(request.salesRep());
        order.setRequestedDeliveryDate(request.requestedDeliveryDate());
        return order;
    }
}
