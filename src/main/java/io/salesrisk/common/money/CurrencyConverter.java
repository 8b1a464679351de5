package io.salesrisk.common.money;

import io.salesrisk.common.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.TreeSet;

/** Converts order amounts to the base currency with the configured rates; an unknown currency is invalid input. */
@ApplicationScoped
public class CurrencyConverter {

    private final CurrencyConfig config;

    public CurrencyConverter(CurrencyConfig config) {
        this.config = config;
    }

    public String base() {
        return config.base();
    }

    /** The amount in base currency, rounded to cents. */
    public BigDecimal toBase(BigDecimal amount, String currency, String field) {
        BigDecimal rate = config.rates().get(currency);
        if (rate == null) {
            throw InvalidInputException.field(field, "unknown currency '" + currency + "'; accepted: "
                    + String.join(", ", new TreeSet<>(config.rates().keySet())));
        }
        return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    public boolean accepts(String currency) {
        return currency != null && config.rates().containsKey(currency);
    }
}
