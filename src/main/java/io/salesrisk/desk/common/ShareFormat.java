package io.salesrisk.desk.common;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;

/**
 * Shares that may be missing (0 of 0), as {@code {share:of(s.recall)}}: a namespace function, because Qute does not
 * call an extension method on a null base.
 */
@TemplateExtension(namespace = "share")
public final class ShareFormat {

    private ShareFormat() {
    }

    /** 0.3077 as "30.8 %", null as "–". */
    public static String of(BigDecimal share) {
        return DeskFormats.share(share);
    }
}
