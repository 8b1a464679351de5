package io.salesrisk.hold.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;

/** The held-order workflow: reason codes, officers' release levels, automatic release. */
@ConfigMapping(prefix = "salesrisk.holds")
public interface HoldsConfig {

    /** Reason codes an officer may give for a release. */
    @WithDefault("CUSTOMER_PAID,COLLATERAL_RECEIVED,STRATEGIC_CUSTOMER,MANAGEMENT_APPROVAL,LIMIT_INCREASE_PENDING,DATA_CORRECTED")
    List<String> releaseReasons();

    /** Reason codes an officer may give for a rejection. */
    @WithDefault("CREDIT_RISK_TOO_HIGH,OVERDUE_NOT_SETTLED,CUSTOMER_INSOLVENT,ORDER_INVALID,FRAUD_SUSPECTED")
    List<String> rejectReasons();

    /** Conditions a release may carry. */
    @WithDefault("PREPAYMENT_REQUIRED,PARTIAL_DELIVERY,GUARANTEE_REQUIRED,LETTER_OF_CREDIT")
    List<String> releaseConditions();

    /** Each officer's release level (1, 2, …) by login; roles {@code release-level-N} from OIDC count too. */
    Map<String, Integer> officerLevels();

    /** The level of an officer not listed and without a release-level role. */
    @WithDefault("1")
    int defaultOfficerLevel();

    /** Release holds whose reasons have cleared (evaluate for release) instead of only marking them ready. */
    @WithDefault("false")
    boolean autoRelease();

    /** How often released orders whose validity ran out are put back for recheck (a duration, or "off"). */
    @WithDefault("1h")
    String expiryCheckInterval();

    /** How long the worklist's counts of a filter are reused (0: counted on every request). */
    @WithDefault("5s")
    java.time.Duration countsMaxAge();
}
