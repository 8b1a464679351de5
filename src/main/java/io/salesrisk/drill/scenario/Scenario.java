package io.salesrisk.drill.scenario;

import java.math.BigDecimal;

/**
 * What a drill supposes happens. Only the fields of its kind are set.
 *
 * @param customerId   CUSTOMER_DEFAULT: the customer that defaults
 * @param segment      SALES_DROP: the segment whose sales drop (or {@code region})
 * @param industry     MARKET_INDEX_DROP: the industry whose market index falls
 * @param percent      SALES_DROP and MARKET_INDEX_DROP: by how much, in % (0 to 100)
 * @param sharePercent INVOICES_OVERDUE: the share of open invoices that goes 60 days overdue, in % (0 to 100)
 */
public record Scenario(Kind kind, String customerId, String segment, String region, String industry, BigDecimal percent,
                       BigDecimal sharePercent) {

    public enum Kind {
        /** A named customer defaults: all its open invoices go more than 90 days overdue. */
        CUSTOMER_DEFAULT,
        /** The sales of a segment or region in the last 3 full months drop by {@code percent}. */
        SALES_DROP,
        /** The market index of an industry falls by {@code percent}. */
        MARKET_INDEX_DROP,
        /** A share of all open invoices, chosen by a hash of the invoice id, goes 60 days overdue. */
        INVOICES_OVERDUE
    }

    /** Days past due of a defaulted customer's invoices: more than 90 (the 90+ aging bucket). */
    public static final int DEFAULT_DAYS_OVERDUE = 91;
    /** Days past due of the invoices INVOICES_OVERDUE picks. */
    public static final int SHARE_DAYS_OVERDUE = 60;

    /** One line for lists: what was supposed. */
    public String describe() {
        return switch (kind) {
            case CUSTOMER_DEFAULT -> "customer " + customerId + " defaults (open invoices " + DEFAULT_DAYS_OVERDUE + " days overdue)";
            case SALES_DROP -> (segment != null ? "segment " + segment : "region " + region) + " sales drop "
                    + percent.stripTrailingZeros().toPlainString() + " %";
            case MARKET_INDEX_DROP -> "market index of " + industry + " falls " + percent.stripTrailingZeros().toPlainString() + " %";
            case INVOICES_OVERDUE -> sharePercent.stripTrailingZeros().toPlainString() + " % of open invoices go "
                    + SHARE_DAYS_OVERDUE + " days overdue";
        };
    }
}
