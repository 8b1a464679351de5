package io.salesrisk.desk.common;

import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.NotAllowedException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.reevaluation.run.DuplicateRunException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A message above a page (the alerts and runs pages; the worklist and order pages carry DeskMessage across a
 * redirect instead): "ok" after an action, "error" for a domain refusal with its details, and the HTTP status
 * the page is answered with.
 *
 * @param existingRun for a refused duplicate run, the run in progress (the page links to it), else null
 */
public record PageMessage(String kind, String text, List<String> details, int status, UUID existingRun) {

    public static PageMessage ok(String text) {
        return new PageMessage("ok", text, List.of(), 200, null);
    }

    public static PageMessage error(int status, String text) {
        return new PageMessage("error", text, List.of(), status, null);
    }

    /** The refusal a service threw, or null when it is not a domain error (which then propagates). */
    public static PageMessage of(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            if (invalid.errors().size() == 1 && invalid.errors().get(0).message().equals(invalid.getMessage())) {
                // one field: its message is the whole message, said once with the field it is about
                ProblemDetail only = invalid.errors().get(0);
                String text = only.field() == null ? only.message() : only.field() + ": " + only.message();
                return new PageMessage("error", text, List.of(), 422, null);
            }
            List<String> details = new ArrayList<>();
            for (ProblemDetail d : invalid.errors()) {
                details.add((d.field() == null ? "" : d.field() + ": ") + d.message());
            }
            return new PageMessage("error", invalid.getMessage(), details, 422, null);
        }
        if (e instanceof DuplicateRunException duplicate) {
            return new PageMessage("error", duplicate.getMessage(), List.of(), 409, duplicate.existing());
        }
        if (e instanceof ConflictException) {
            return error(409, e.getMessage());
        }
        if (e instanceof NotFoundException) {
            return error(404, e.getMessage());
        }
        if (e instanceof NotAllowedException) {
            return error(403, e.getMessage());
        }
        return null;
    }
}
