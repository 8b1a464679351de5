package io.salesrisk.exposure;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How credit exposure and payment behaviour are measured. */
@ConfigMapping(prefix = "salesrisk.credit")
public interface CreditConfig {

    /** Approved orders count in the exposure only if they deliver within this many days (or have no date). */
    @WithDefault("90")
    int exposureHorizonDays();

    /** Months of invoices (by due date) that payment behaviour and DSO look back over. */
    @WithDefault("12")
    int paymentPeriodMonths();
}
