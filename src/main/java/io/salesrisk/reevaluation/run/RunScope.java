package io.salesrisk.reevaluation.run;

import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.ProblemDetail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * Which customers a run re-evaluates: all, one segment, one region, or a list of customer ids.
 *
 * @param kind        ALL, SEGMENT, REGION or CUSTOMERS
 * @param value       the segment or region, else null
 * @param customerIds the customer ids for CUSTOMERS (sorted, no repeats), else empty
 */
public record RunScope(Kind kind, String value, List<String> customerIds) {

    public enum Kind { ALL, SEGMENT, REGION, CUSTOMERS }

    /** Most customer ids one run may list; larger selections are a segment or region. */
    public static final int MAX_IDS = 100_000;

    public RunScope {
        customerIds = customerIds == null ? List.of() : List.copyOf(new TreeSet<>(customerIds));
    }

    public static RunScope all() {
        return new RunScope(Kind.ALL, null, List.of());
    }

    /** Builds a scope from request fields; at most one of segment, region and customer ids may be given. */
    public static RunScope of(String segment, String region, List<String> customerIds) {
        int given = (blank(segment) ? 0 : 1) + (blank(region) ? 0 : 1) + (customerIds == null || customerIds.isEmpty() ? 0 : 1);
        if (given > 1) {
            throw new InvalidInputException("a run covers all customers, one segment, one region or a list of customers",
                    List.of(ProblemDetail.field("scope", "give at most one of segment, region and customerIds")));
        }
        if (!blank(segment)) {
            return new RunScope(Kind.SEGMENT, segment.trim(), List.of());
        }
        if (!blank(region)) {
            return new RunScope(Kind.REGION, region.trim(), List.of());
        }
        if (customerIds != null && !customerIds.isEmpty()) {
            if (customerIds.size() > MAX_IDS) {
                throw new InvalidInputException("too many customer ids", List.of(ProblemDetail.field("customerIds",
                        customerIds.size() + " ids; at most " + MAX_IDS + " per run (use a segment or region)")));
            }
            if (customerIds.stream().anyMatch(RunScope::blank)) {
                throw new InvalidInputException("empty customer id", List.of(ProblemDetail.field("customerIds",
                        "customer ids must not be empty")));
            }
            return new RunScope(Kind.CUSTOMERS, null, customerIds.stream().map(String::trim).toList());
        }
        return all();
    }

    /** Identifies the scope for "one run per scope at a time": all, segment:SMB, region:DACH, customers:&lt;hash&gt;. */
    public String key() {
        return switch (kind) {
            case ALL -> "all";
            case SEGMENT -> "segment:" + value;
            case REGION -> "region:" + value;
            case CUSTOMERS -> "customers:" + hash(customerIds);
        };
    }

    /** Whether portfolio-level figures (and their triggers) describe the whole portfolio after this run. */
    public boolean coversPortfolio() {
        return kind == Kind.ALL;
    }

    /** Whether the segment's figures are complete after this run. */
    public boolean coversSegment(String segment) {
        return kind == Kind.ALL || (kind == Kind.SEGMENT && value.equals(segment));
    }

    private static String hash(List<String> ids) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String id : ids) {
                digest.update(id.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
