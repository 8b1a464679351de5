package io.salesrisk.customer.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.salesrisk.customer.persistence.CustomerRow;

import java.math.BigDecimal;

/** Body of {@code PUT /api/customers/{id}}. Amounts in the base currency. */
public record CustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank String segment,
        @NotBlank @Size(max = 60) String region,
        @NotBlank @Size(max = 80) String industry,
        @NotNull @Min(0) @Max(500) Integer yearsInBusiness,
        String externalRating,
        @NotBlank String riskClass,
        @NotNull @DecimalMin("0") BigDecimal creditLimit,
        @NotNull @Min(0) @Max(365) Integer paymentTermsDays) {

    /** The master data to store under {@code id}. */
    public CustomerRow toRow(String id) {
        return new CustomerRow(id, name, segment, region, industry, yearsInBusiness, externalRating, riskClass, creditLimit,
                paymentTermsDays);
    }
}
