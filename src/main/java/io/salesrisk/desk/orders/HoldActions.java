package io.salesrisk.desk.orders;

import io.quarkus.security.identity.SecurityIdentity;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.desk.common.DeskMessage;
import io.salesrisk.hold.service.HoldActionResult;
import io.salesrisk.hold.service.HoldService;
import io.salesrisk.hold.service.RecheckService;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.resteasy.reactive.RestForm;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The officer's actions on held orders, from the worklist (a selection) and the order page (one order): each order
 * is acted on as if alone, and each answer becomes a message: done, pending a second approval, or refused and why.
 */
@ApplicationScoped
public class HoldActions {

    /** The fields of the action forms; which are read depends on the action. */
    public static class Form {
        @RestForm
        public String action;
        @RestForm
        public String releaseReason;
        @RestForm
        public List<String> conditions;
        @RestForm
        public String validityDays;
        @RestForm
        public String rejectReason;
        @RestForm
        public String forwardTo;
        @RestForm
        public String followUpDate;
        @RestForm
        public String comment;
    }

    private final HoldService holds;
    private final RecheckService rechecks;

    public HoldActions(HoldService holds, RecheckService rechecks) {
        this.holds = holds;
        this.rechecks = rechecks;
    }

    public List<DeskMessage> apply(List<String> orderIds, Form form, SecurityIdentity officer) {
        List<DeskMessage> messages = new ArrayList<>();
        if (orderIds == null || orderIds.isEmpty()) {
            messages.add(new DeskMessage("warn", "invalid", "Select at least one order.", List.of()));
            return messages;
        }
        String action = form.action == null ? "" : form.action.toLowerCase(Locale.ROOT);
        for (String orderId : orderIds) {
            try {
                messages.add(one(orderId, action, form, officer));
            } catch (RuntimeException e) {
                if (!DeskMessage.isRefusal(e)) {
                    throw e;
                }
                DeskMessage refusal = DeskMessage.of(e);
                messages.add(new DeskMessage(refusal.level(), refusal.kind(), orderId + ": " + refusal.text(),
                        refusal.details()));
            }
        }
        return messages;
    }

    private DeskMessage one(String orderId, String action, Form form, SecurityIdentity officer) {
        String comment = blankToNull(form.comment);
        return switch (action) {
            case "release" -> result(holds.release(orderId, new HoldService.ReleaseCommand(blankToNull(form.releaseReason),
                    form.conditions == null ? List.of() : form.conditions.stream().filter(c -> !c.isBlank()).toList(),
                    days(form.validityDays), comment), officer));
            case "reject" -> result(holds.reject(orderId, blankToNull(form.rejectReason), comment, officer));
            case "forward" -> result(holds.forward(orderId, form.forwardTo, comment, officer));
            case "follow-up" -> result(holds.followUp(orderId, date(form.followUpDate), comment, officer));
            case "recheck" -> {
                RecheckService.Recheck recheck = rechecks.recheck(orderId, officer.getPrincipal().getName(), comment);
                yield DeskMessage.ok(orderId + ": rechecked, the rules answer " + recheck.outcome()
                        + (recheck.message() == null ? "" : "; " + recheck.message()));
            }
            default -> throw InvalidInputException.field("action", "action " + action + " is not known; allowed: "
                    + "release, reject, forward, follow-up, recheck");
        };
    }

    private static DeskMessage result(HoldActionResult result) {
        String text = result.orderId() + ": " + result.message();
        return "PENDING_APPROVAL".equals(result.status()) ? DeskMessage.pending(text) : DeskMessage.ok(text);
    }

    private static Integer days(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.field("validityDays", "validityDays " + value + " is not a whole number of days");
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field("date", "date " + value + " is not a date (YYYY-MM-DD)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
