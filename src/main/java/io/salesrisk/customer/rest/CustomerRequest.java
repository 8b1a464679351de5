package io.salesrisk.customer.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.salesrisk.common.money.Amounts;
import io.salesrisk.customer.persistence.CustomerRow;

import java.math.BigDecimal;

/** Body of {@code PUT /api/customers/{id}}. Amounts in the base currency. */
public record CustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 40) String segment,
        @NotBlank @Size(max = 60) String region,
        @NotBlank @Size(max = 80) String industry,
        @NotNull @Min(0) @Max(500) Integer yearsInBusiness,
        @Size(max = 8) String externalRating,
        @NotBlank @Size(max = 1) String riskClass,
        @NotNull @DecimalMin("0") @DecimalMax(value = Amounts.MAX_TEXT, message = "must be at most " + Amounts.MAX_TEXT)
        @Digits(integer = Amounts.INTEGER_DIGITS, fraction = Amounts.SCALE, message = "must have at most 2 decimals")
        BigDecimal creditLimit,
        @NotNull @Min(0) @Max(365) Integer paymentTermsDays) {

    /** The master data to store under {@code id}. */
    public CustomerRow toRow(String id) {
        return new CustomerRow(id, name, segment, region, industry, yearsInBusiness, externalRating, riskClass, creditLimit,
                paymentTermsDays);
    }
}
