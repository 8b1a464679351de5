package io.salesrisk.evaluation.service;

import io.salesrisk.customer.persistence.CustomerEntity;
import io.salesrisk.evaluation.rest.EvaluateOrderRequest;
import io.salesrisk.facts.Customer;
import io.salesrisk.facts.Order;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Maps persisted entities and requests to the plain fact classes rules are written against. */
public final class FactMapper {

    private FactMapper() {
    }

    public static Customer customer(CustomerEntity entity) {
        Customer customer = new Customer();
        customer.setId(entity.id);
        customer.setName(entity.name);
        customer.setSegment(entity.segment);
        customer.setRegion(entity.region);
        customer.setIndustry(entity.industry);
        customer.setYearsInBusiness(entity.yearsInBusiness);
        customer.setExternalRating(entity.externalRating);
        customer.setRiskClass(entity.riskClass);
        customer.setCreditLimit(entity.creditLimit);
        customer.setAllowedPaymentTermsDays(entity.paymentTermsDays);
        return customer;
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
