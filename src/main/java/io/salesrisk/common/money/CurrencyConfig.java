package io.salesrisk.common.money;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.util.Map;

/** Currencies the service accepts and how they convert to the base currency that limits are kept in. */
@ConfigMapping(prefix = "salesrisk.currency")
public interface CurrencyConfig {

    /** ISO code of the base currency; credit limits, exposure and rule thresholds are in it. */
    @WithDefault("EUR")
    String base();

    /** Units of base currency per unit of each accepted currency (EUR=1, USD=0.92, ...). */
    Map<String, BigDecimal> rates();
}
