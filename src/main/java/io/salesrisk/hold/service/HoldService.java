package io.salesrisk.hold.service;

import io.quarkus.security.identity.SecurityIdentity;
import io.salesrisk.common.Ids;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.NotAllowedException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.facts.Outcome;
import io.salesrisk.facts.ReleaseRequest;
import io.salesrisk.hold.persistence.HoldActionEntity;
import io.salesrisk.hold.persistence.HoldEntity;
import io.salesrisk.hold.persistence.HoldMetrics;
import io.salesrisk.hold.persistence.HoldRepository;
import io.salesrisk.hold.persistence.HoldStatus;
import io.salesrisk.order.persistence.OrderStatus;
import io.salesrisk.order.persistence.SalesOrderEntity;
import io.salesrisk.order.persistence.SalesOrderRepository;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * An officer's actions on a held order: release (with the authority table and four-eyes), reject, forward, follow
 * up. Each action and its audit row are one transaction, with the hold row locked: of two officers acting at once,
 * the second finds the hold closed and is told by whom (409).
 */
@ApplicationScoped
public class HoldService {

    /** A release as an officer asks for it. */
    public record ReleaseCommand(String reasonCode, List<String> conditions, Integer validityDays, String comment) {
    }

    private final HoldRepository holds;
    private final SalesOrderRepository orders;
    private final ActiveRuleSet rules;
    private final OfficerLevels levels;
    private final HoldsConfig config;
    private final HoldMetrics metrics;
    private final Clock clock;

    public HoldService(HoldRepository holds, SalesOrderRepository orders, ActiveRuleSet rules, OfficerLevels levels,
                       HoldsConfig config, HoldMetrics metrics, Clock clock) {
        this.holds = holds;
        this.orders = orders;
        this.rules = rules;
        this.levels = levels;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional
    public HoldActionResult release(String orderId, ReleaseCommand command, SecurityIdentity officer) {
        checkCode("reasonCode", command.reasonCode(), config.releaseReasons(), "release reason");
        List<String> conditions = command.conditions() == null ? List.of() : command.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            checkCode("conditions[" + i + "]", conditions.get(i), config.releaseConditions(), "condition");
        }
        if (command.validityDays() != null && (command.validityDays() < 1 || command.validityDays() > 365)) {
            throw InvalidInputException.field("validityDays", "validityDays must be between 1 and 365, was "
                    + command.validityDays());
        }
        SalesOrderEntity order = order(orderId);
        HoldEntity hold = openHold(orderId);
        String actor = officer.getPrincipal().getName();
        if (actor.equals(order.salesRep)) {
            throw new NotAllowedException("officer", actor + " is the sales rep of order " + orderId + " and may not release it");
        }
        if (actor.equals(order.enteredBy)) {
            throw new NotAllowedException("officer", actor + " entered order " + orderId + " and may not release it");
        }
        int approvals = hold.status == HoldStatus.PENDING_APPROVAL ? 1 : 0;
        if (approvals == 1 && actor.equals(hold.firstApprover)) {
            throw new NotAllowedException("officer", actor + " already gave the first approval of this release; "
                    + "the second must come from another officer");
        }
        int level = levels.of(officer);
        ReleaseAuthority.Verdict verdict = ReleaseAuthority.ask(rules.current(), Outcome.valueOf(hold.outcome), hold.amount,
                hold.amountOverLimit, hold.riskClass, hold.segment, level, approvals);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (verdict.answer() == ReleaseRequest.Answer.REFUSE
                || (verdict.answer() == ReleaseRequest.Answer.SECOND_APPROVAL && approvals == 1)) {
            throw new NotAllowedException("authority", "release refused for a level " + level + " officer by row "
                    + verdict.row() + ": " + verdict.message());
        }
        String details = "authority: " + verdict.row() + ": " + verdict.message() + "; officer level " + level
                + (conditions.isEmpty() ? "" : "; conditions " + String.join(", ", conditions))
                + (command.validityDays() == null ? "" : "; valid " + command.validityDays() + " days");
        if (verdict.answer() == ReleaseRequest.Answer.SECOND_APPROVAL) {
            hold.status = HoldStatus.PENDING_APPROVAL;
            hold.firstApprover = actor;
            hold.firstApprovedAt = now;
            hold.releaseConditions = conditions.isEmpty() ? null : String.join(",", conditions);
            hold.updatedAt = now;
            audit(hold, "RELEASE_FIRST_APPROVAL", actor, now, command.reasonCode(), command.comment(), details);
            return result(hold, order, "RELEASE_FIRST_APPROVAL", actor, now, "first approval by " + actor
                    + "; pending a second officer's approval: " + verdict.message(), verdict.row());
        }
        hold.close(HoldStatus.RELEASED, actor, command.reasonCode(), now);
        if (!conditions.isEmpty()) {
            hold.releaseConditions = String.join(",", conditions);
        }
        hold.releaseValidUntil = command.validityDays() == null ? null : LocalDate.now(clock).plusDays(command.validityDays());
        orders.markStatus(orderId, OrderStatus.RELEASED, now);
        String message = (approvals == 1 ? "released by " + hold.firstApprover + " and " + actor : "released by " + actor)
                + " (" + command.reasonCode() + ")";
        audit(hold, "RELEASED", actor, now, command.reasonCode(), command.comment(), details);
        metrics.decided(HoldStatus.RELEASED, Duration.between(hold.openedAt, now));
        return result(hold, order, "RELEASED", actor, now, message, verdict.row());
    }

    @Transactional
    public HoldActionResult reject(String orderId, String reasonCode, String comment, SecurityIdentity officer) {
        checkCode("reasonCode", reasonCode, config.rejectReasons(), "reject reason");
        SalesOrderEntity order = order(orderId);
        HoldEntity hold = openHold(orderId);
        String actor = officer.getPrincipal().getName();
        OffsetDateTime now = OffsetDateTime.now(clock);
        hold.close(HoldStatus.REJECTED, actor, reasonCode, now);
        orders.markStatus(orderId, OrderStatus.REJECTED, now);
        audit(hold, "REJECTED", actor, now, reasonCode, comment, null);
        metrics.decided(HoldStatus.REJECTED, Duration.between(hold.openedAt, now));
        return result(hold, order, "REJECTED", actor, now, "rejected by " + actor + " (" + reasonCode + ")", null);
    }

    @Transactional
    public HoldActionResult forward(String orderId, String to, String comment, SecurityIdentity officer) {
        if (to == null || to.isBlank()) {
            throw InvalidInputException.field("to", "to: name the officer the hold is forwarded to");
        }
        SalesOrderEntity order = order(orderId);
        HoldEntity hold = openHold(orderId);
        String actor = officer.getPrincipal().getName();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String from = hold.assignedTo;
        hold.assignedTo = to.strip();
        hold.updatedAt = now;
        audit(hold, "FORWARDED", actor, now, null, comment, "to " + hold.assignedTo + (from == null ? "" : " (from " + from + ")"));
        return result(hold, order, "FORWARDED", actor, now, "forwarded to " + hold.assignedTo + " by " + actor, null);
    }

    @Transactional
    public HoldActionResult followUp(String orderId, LocalDate date, String comment, SecurityIdentity officer) {
        LocalDate today = LocalDate.now(clock);
        if (date == null) {
            throw InvalidInputException.field("date", "date: the follow-up day is missing");
        }
        if (date.isBefore(today)) {
            throw InvalidInputException.field("date", "date " + date + " is in the past (today is " + today + ")");
        }
        SalesOrderEntity order = order(orderId);
        HoldEntity hold = openHold(orderId);
        String actor = officer.getPrincipal().getName();
        OffsetDateTime now = OffsetDateTime.now(clock);
        hold.followUpDate = date;
        hold.updatedAt = now;
        audit(hold, "FOLLOW_UP", actor, now, null, comment, "follow up on " + date);
        return result(hold, order, "FOLLOW_UP", actor, now, "follow-up set to " + date + " by " + actor, null);
    }

    /**
     * Marks a hold whose reasons have cleared (a background recheck found the rules approve it now) as ready to
     * release, or releases it when {@code salesrisk.holds.auto-release} is on. Returns the hold's status after.
     */
    @Transactional
    public HoldStatus clearedOnRecheck(String orderId, String note, String actor) {
        HoldEntity hold = holds.openForUpdate(orderId).orElse(null);
        if (hold == null) {
            return null;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (config.autoRelease()) {
            hold.close(HoldStatus.RELEASED, actor, "AUTO_RELEASED", now);
            orders.markStatus(orderId, OrderStatus.RELEASED, now);
            audit(hold, "AUTO_RELEASED", actor, now, "AUTO_RELEASED", null, note);
            metrics.decided(HoldStatus.RELEASED, Duration.between(hold.openedAt, now));
        } else if (!hold.readyToRelease) {
            hold.readyToRelease = true;
            hold.readyNote = note;
            hold.updatedAt = now;
            audit(hold, "READY_TO_RELEASE", actor, now, null, null, note);
        }
        return hold.status;
    }

    /** A hold a background recheck still finds held: no longer ready to release if it was. */
    @Transactional
    public void stillHeldOnRecheck(String orderId) {
        holds.openForUpdate(orderId).filter(h -> h.readyToRelease).ifPresent(h -> {
            h.readyToRelease = false;
            h.readyNote = null;
            h.updatedAt = OffsetDateTime.now(clock);
        });
    }

    /** Closes the open hold of an order the ERP cancelled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderCancelled(String orderId, String actor, String eventId) {
        holds.openForUpdate(orderId).ifPresent(hold -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            hold.close(HoldStatus.CANCELLED, actor, "ORDER_CANCELLED", now);
            audit(hold, "CANCELLED", actor, now, null, null, "order cancelled (event " + eventId + ")");
            metrics.closed(HoldStatus.CANCELLED);
        });
    }

    /** The open hold of an order, or the order's state as a 409 (or 404 for an unknown order). */
    @Transactional(Transactional.TxType.MANDATORY)
    public HoldEntity requireOpenHold(String orderId) {
        order(orderId);
        return openHold(orderId);
    }

    private SalesOrderEntity order(String orderId) {
        return orders.findByIdOptional(orderId)
                .orElseThrow(() -> new NotFoundException("orderId", "order " + orderId + " does not exist"));
    }

    private HoldEntity openHold(String orderId) {
        return holds.openForUpdate(orderId).orElseThrow(() -> {
            HoldEntity last = holds.latest(orderId).orElse(null);
            if (last == null) {
                return new ConflictException("orderId", "order " + orderId + " is not held");
            }
            return new ConflictException("orderId", "the hold of order " + orderId + " is "
                    + last.status.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (by " + last.closedBy + " at "
                    + last.closedAt + "); there is nothing to act on");
        });
    }

    private void audit(HoldEntity hold, String action, String actor, OffsetDateTime at, String reasonCode, String comment,
                       String details) {
        HoldActionEntity entry = new HoldActionEntity();
        entry.id = Ids.timeOrdered();
        entry.holdId = hold.id;
        entry.orderId = hold.orderId;
        entry.action = action;
        entry.actor = actor;
        entry.actedAt = at;
        entry.reasonCode = reasonCode;
        entry.comment = comment;
        entry.details = details;
        holds.addAction(entry);
    }

    private static void checkCode(String field, String code, List<String> allowed, String what) {
        if (code == null || !allowed.contains(code)) {
            throw InvalidInputException.field(field, (code == null ? "the " + what + " is missing" : what + " " + code
                    + " is not in the list") + "; allowed: " + String.join(", ", allowed));
        }
    }

    private static HoldActionResult result(HoldEntity hold, SalesOrderEntity order, String action, String actor,
                                           OffsetDateTime at, String message, String authorityRow) {
        OrderStatus orderStatus = switch (hold.status) {
            case RELEASED -> OrderStatus.RELEASED;
            case REJECTED -> OrderStatus.REJECTED;
            default -> order.status;
        };
        return new HoldActionResult(hold.orderId, hold.id.toString(), action, hold.status.name(), orderStatus.name(), actor,
                at, message, authorityRow, hold.assignedTo, hold.followUpDate, hold.releaseValidUntil);
    }
}
