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

    /**
     * The amount in base currency, rounded to cents.
     *
     * @param field the request field that named the currency, for the error
     */
    public BigDecimal toBase(BigDecimal amount, String currency, String field) {
        BigDecimal rate = config.rates().get(currency);
        if (rate == null) {
            throw InvalidInputException.field(field, "unknown currency '" + currency + "'; accepted: "
                    + String.join(", ", new TreeSet<>(config.rates().keySet())));
        }
        BigDecimal base = amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        if (base.compareTo(Amounts.MAX) > 0) {
            throw InvalidInputException.field("amount", "amount " + amount.toPlainString() + " " + currency + " is "
                    + base.toPlainString() + " " + base() + ", more than the largest amount " + Amounts.MAX.toPlainString());
        }
        return base;
    }

    /**
     * What is wrong with the decimals of an amount in this currency, or null: a yen amount has none, a euro amount
     * at most two (amounts are stored in cents, so never more than two).
     */
    public String amountProblem(BigDecimal amount, String currency) {
        int allowed = fractionDigits(currency);
        int decimals = Amounts.decimals(amount);
        return decimals <= allowed ? null : "has " + decimals + " decimals; " + currency + " amounts have at most " + allowed;
    }

    private static int fractionDigits(String currency) {
        try {
            int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? Amounts.SCALE : Math.min(digits, Amounts.SCALE);
        } catch (IllegalArgumentException notIso) {
            return Amounts.SCALE;
        }
    }

    public boolean accepts(String currency) {
        return currency != null && config.rates().containsKey(currency);
    }
}
