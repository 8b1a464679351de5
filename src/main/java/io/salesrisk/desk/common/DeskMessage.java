package io.salesrisk.desk.common;

import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.NotAllowedException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.common.problem.ProblemDetail;

import java.util.ArrayList;
import java.util.List;

/**
 * A message for the page: what an action did, or why the service refused it.
 *
 * @param level   ok, warn, error or info (the CSS class of {@code .msg})
 * @param kind    a stable key tests and styles can use: done, pending, refused, invalid, conflict, missing
 * @param details one line per field, line or cell a refusal names
 */
public record DeskMessage(String level, String kind, String text, List<String> details) {

    public static DeskMessage ok(String text) {
        return new DeskMessage("ok", "done", text, List.of());
    }

    public static DeskMessage pending(String text) {
        return new DeskMessage("warn", "pending", text, List.of());
    }

    /** The domain refusals the services throw, as a message; anything else is a bug and is not caught. */
    public static boolean isRefusal(RuntimeException e) {
        return e instanceof InvalidInputException || e instanceof NotAllowedException || e instanceof ConflictException
                || e instanceof NotFoundException;
    }

    public static DeskMessage of(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            List<String> details = new ArrayList<>();
            for (ProblemDetail d : invalid.errors()) {
                details.add(describe(d));
            }
            return new DeskMessage("error", "invalid", e.getMessage(), details);
        }
        if (e instanceof NotAllowedException) {
            return new DeskMessage("error", "refused", e.getMessage(), List.of());
        }
        if (e instanceof ConflictException) {
            return new DeskMessage("error", "conflict", e.getMessage(), List.of());
        }
        if (e instanceof NotFoundException) {
            return new DeskMessage("error", "missing", e.getMessage(), List.of());
        }
        throw e;
    }

    /** "file rules.xlsx, sheet Limits, cell C12: ..." or "field to: ...". */
    public static String describe(ProblemDetail d) {
        StringBuilder where = new StringBuilder();
        append(where, "file", d.file());
        append(where, "sheet", d.sheet());
        append(where, "cell", d.cell());
        append(where, "line", d.line() == null ? null : d.line().toString());
        append(where, "field", d.field());
        append(where, "value", d.value());
        return where.isEmpty() ? d.message() : where + ": " + d.message();
    }

    private static void append(StringBuilder where, String label, String value) {
        if (value != null && !value.isBlank()) {
            if (!where.isEmpty()) {
                where.append(", ");
            }
            where.append(label).append(' ').append(value);
        }
    }
}
