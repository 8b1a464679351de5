package io.salesrisk.common.reference;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** Code lists that customer data is validated against, so a typo cannot silently escape every table row. */
@ConfigMapping(prefix = "salesrisk.reference")
public interface ReferenceConfig {

    /** Customer segments; the decision tables have rows per segment. */
    @WithDefault("ENTERPRISE,MIDMARKET,SMB,PUBLIC")
    List<String> segments();

    /** Risk classes from best to worst; the decision tables have rows per class. */
    @WithDefault("A,B,C,D,E")
    List<String> riskClasses();

    /**
     * The weak risk classes: their share of the exposure is what portfolio and segment triggers watch
     * ({@code exposureClassDEPercent} in the contingency triggers).
     */
    @WithDefault("D,E")
    List<String> weakRiskClasses();

    /** External (agency) ratings accepted as input, best to worst. */
    @WithDefault("AAA,AA,A,BBB,BB,B,CCC,CC,C,D")
    List<String> externalRatings();
}
