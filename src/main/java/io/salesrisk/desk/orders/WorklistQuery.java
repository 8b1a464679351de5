package io.salesrisk.desk.orders;

import io.salesrisk.hold.persistence.HoldRepository;
import io.salesrisk.hold.persistence.WorklistFilter;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The worklist's query string: filters, sort, page. Unknown values fall back to "no filter" or the default sort
 * rather than failing, since a bookmark outlives the values it was made with.
 */
public class WorklistQuery {

    private static final Set<String> OUTCOMES = Set.of("REVIEW", "BLOCK");
    private static final Set<String> STATUSES = Set.of("OPEN", "PENDING_APPROVAL");
    private static final Pattern SAFE_QUERY = Pattern.compile("[A-Za-z0-9_.~%+=&-]*");

    @QueryParam("customerId") public String customerId;
    @QueryParam("outcome") public String outcome;
    @QueryParam("status") public String status;
    @QueryParam("segment") public String segment;
    @QueryParam("region") public String region;
    @QueryParam("riskClass") public String riskClass;
    @QueryParam("salesRep") public String salesRep;
    @QueryParam("holdingRule") public String holdingRule;
    @QueryParam("assignedTo") public String assignedTo;
    @QueryParam("followUpDue") public boolean followUpDue;
    @QueryParam("readyToRelease") public boolean readyToRelease;
    @QueryParam("sort") @DefaultValue("AGE") public String sort;
    @QueryParam("direction") @DefaultValue("asc") public String direction;
    @QueryParam("page") @DefaultValue("0") public int page;
    @QueryParam("size") @DefaultValue("25") public int size;

    public WorklistFilter filter(LocalDate today) {
        return new WorklistFilter(text(customerId, 64), oneOf(outcome, OUTCOMES), oneOf(status, STATUSES), text(segment, 40),
                text(region, 60), text(riskClass, 1), text(salesRep, 100), text(holdingRule, 200), text(assignedTo, 100),
                followUpDue ? Boolean.TRUE : null, readyToRelease ? Boolean.TRUE : null, today);
    }

    public HoldRepository.Sort sortKey() {
        try {
            return HoldRepository.Sort.valueOf(sort.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            return HoldRepository.Sort.AGE;
        }
    }

    public boolean descending() {
        return "desc".equalsIgnoreCase(direction);
    }

    public int page() {
        return Math.max(0, Math.min(page, 100_000));
    }

    public int size() {
        return WorklistPage.PAGE_SIZES.contains(size) ? size : 25;
    }

    /** The filters as a query string (without sort and page), for links that keep them. */
    public String filters() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("customerId", customerId);
        values.put("outcome", outcome);
        values.put("status", status);
        values.put("segment", segment);
        values.put("region", region);
        values.put("riskClass", riskClass);
        values.put("salesRep", salesRep);
        values.put("holdingRule", holdingRule);
        values.put("assignedTo", assignedTo);
        values.put("followUpDue", followUpDue ? "true" : null);
        values.put("readyToRelease", readyToRelease ? "true" : null);
        StringBuilder query = new StringBuilder();
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                query.append(query.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** Filters, sort and size, without the page: the pager's links add it. */
    public String withoutPage() {
        String filters = filters();
        return (filters.isEmpty() ? "" : filters + "&") + "sort=" + sortKey().name() + "&direction=" + (descending() ? "desc" : "asc")
                + "&size=" + size();
    }

    /** The whole query, for the form's way back after an action. */
    public String all() {
        return withoutPage() + "&page=" + page();
    }

    /** The link of a column header: sort by it, flipping the direction when it is already the sort. */
    public String sortLink(String key) {
        boolean same = sortKey().name().equals(key);
        String dir = same && !descending() ? "desc" : "asc";
        String filters = filters();
        return "?" + (filters.isEmpty() ? "" : filters + "&") + "sort=" + key + "&direction=" + dir + "&size=" + size();
    }

    /** aria-sort of a column header, or null when the list is not sorted by it. */
    public String ariaSort(String key) {
        return sortKey().name().equals(key) ? (descending() ? "descending" : "ascending") : null;
    }

    public String pageLink(int target) {
        return "?" + withoutPage() + "&page=" + target;
    }

    public String previousLink() {
        return pageLink(Math.max(0, page() - 1));
    }

    public String nextLink() {
        return pageLink(page() + 1);
    }

    /** The page as people count: from 1. */
    public int pageNumber() {
        return page() + 1;
    }

    /**
     * A way back that only ever stays on the worklist: the form's "back" query is kept only if it is a plain query
     * string (no scheme, host or path), so a crafted form cannot redirect elsewhere.
     */
    static String safeQuery(String back, String extra) {
        String kept = back != null && SAFE_QUERY.matcher(back).matches() ? back : "";
        return "?" + (kept.isEmpty() ? "" : kept + "&") + extra;
    }

    private static String text(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }

    private static String oneOf(String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        return allowed.contains(upper) ? upper : null;
    }
}
