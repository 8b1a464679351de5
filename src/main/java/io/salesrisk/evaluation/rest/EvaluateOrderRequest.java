package io.salesrisk.evaluation.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.salesrisk.common.money.Amounts;
import io.salesrisk.evaluation.service.OrderToEvaluate;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Body of {@code POST /api/orders/evaluate}: the order as the CRM/ERP is about to approve it. */
public record EvaluateOrderRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:/-]{1,64}", message = "must be 1-64 letters, digits or . _ : / -") String orderId,
        @NotBlank @Size(max = 64) String customerId,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = Amounts.MAX_TEXT, message = "must be at most " + Amounts.MAX_TEXT) BigDecimal amount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull LocalDate orderDate,
        @NotNull @Min(0) @Max(365) Integer paymentTermsDays,
        @DecimalMin("0") @DecimalMax("100")
        @Digits(integer = 3, fraction = Amounts.PERCENT_SCALE, message = "must have at most 3 decimals") BigDecimal discountPercent,
        Boolean contractSigned,
        @Size(max = 100) String salesRep,
        LocalDate requestedDeliveryDate) {

    /** The order to evaluate. */
    public OrderToEvaluate toOrder() {
        return new OrderToEvaluate(orderId, customerId, amount, currency, orderDate, paymentTermsDays, discountPercent,
                contractSigned, salesRep, requestedDeliveryDate);
    }
}
