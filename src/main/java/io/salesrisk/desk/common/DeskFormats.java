package io.salesrisk.desk.common;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the desk's templates show amounts and times: {@code {order.amount.money}}, {@code {hold.openedAt.stamp}}. */
@TemplateExtension
public final class DeskFormats {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DeskFormats() {
    }

    /** 1234567.5 as "1,234,567.50". */
    public static String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** A time in UTC to the minute, as the API's timestamps are UTC. */
    public static String stamp(OffsetDateTime at) {
        return at == null ? "" : at.withOffsetSameInstant(ZoneOffset.UTC).format(STAMP);
    }

    /** An age in days as "0.4 d" or "12 d". */
    public static String days(double days) {
        return days < 10 ? String.format(Locale.ROOT, "%.1f d", days) : Math.round(days) + " d";
    }

    /** A value for a URL's path segment or query value: {@code /desk/orders/{order.id.url}}. */
    public static String url(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The desk's address of a rule file the API links to ({@code /api/rulesets/v/files/p#sheet=...}): the same file
     * through the desk's download, which takes the session instead of HTTP Basic.
     */
    public static String deskLink(String apiLink) {
        return apiLink != null && apiLink.startsWith("/api/rulesets/") ? "/desk/rulesets/" + apiLink.substring("/api/rulesets/".length())
                : apiLink;
    }

    /** A share or percentage to one decimal. */
    public static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }

    /** A share (0.3077) as a percentage to one decimal ("30.8 %"); "–" when there is none (0 of 0). */
    public static String share(BigDecimal share) {
        return share == null ? "–" : percent(share.doubleValue() * 100);
    }
}
