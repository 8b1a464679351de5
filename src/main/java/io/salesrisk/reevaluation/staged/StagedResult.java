package io.salesrisk.reevaluation.staged;

import io.salesrisk.facts.Assessment;
import io.salesrisk.facts.CustomerProfile;
import io.salesrisk.facts.ProfileFinding;
import io.salesrisk.facts.Scorecard;
import io.salesrisk.facts.Severity;
import io.salesrisk.reevaluation.assessment.CustomerAssessment;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What a Spark executor found for one customer, as the service needs it to store the result exactly as if it had
 * assessed the customer itself ({@code ChunkResults}): the customer's previous values, the new ones, and every finding
 * with its message and values rendered there. Messages of points and reasons are rendered only for customers whose
 * values change, since only those are stored (as in the service, where most messages are never rendered).
 *
 * @param failure why the customer could not be assessed (bad data, or a rule failure); nothing else is set then
 */
public record StagedResult(String customerId, String failure, Previous previous, Integer score, List<Points> points,
                           String classAfter, BigDecimal limitComputed, BigDecimal limitAfter, BigDecimal limitProposed,
                           int termsAfter, boolean prepaymentAfter, List<Finding> reasons, List<Signal> signals,
                           List<Risk> risks) implements Serializable {

    /**
     * The customer's stored values the assessment started from, and the profile figures the run sums up per segment
     * and portfolio ({@code ChunkStats.count}): the profile fields the service's writes read. Reading another one
     * there means adding it here; the Spark module's equivalence test fails until it is.
     */
    public record Previous(String segment, BigDecimal totalExposure, BigDecimal openReceivables, BigDecimal overdueAmount,
                           BigDecimal last3MonthsSales, BigDecimal sameMonthsLastYearSales, Integer score,
                           String riskClass, BigDecimal creditLimit, int termsDays, boolean prepaymentRequired)
            implements Serializable {
    }

    /** A rendered {@link ProfileFinding}. */
    public record Finding(String what, String rule, String source, String message, LinkedHashMap<String, Object> values)
            implements Serializable {

        static Finding of(ProfileFinding f, boolean withValues) {
            return new Finding(f.what(), f.rule(), f.source(), f.message(),
                    withValues ? new LinkedHashMap<>(f.values()) : new LinkedHashMap<>());
        }

        ProfileFinding toFinding() {
            return ProfileFinding.rendered(what, rule, source, message, values);
        }
    }

    public record Points(String factor, int points, Finding finding) implements Serializable {
    }

    public record Signal(String type, Severity severity, Finding finding) implements Serializable {
    }

    public record Risk(String riskType, Finding finding) implements Serializable {
    }

    /** A customer that could not be assessed. */
    public static StagedResult failed(String customerId, String failure) {
        return new StagedResult(customerId, failure, null, null, List.of(), null, null, null, null, 0, false, List.of(),
                List.of(), List.of());
    }

    /** The result of a successful assessment, rendered. */
    public static StagedResult of(CustomerAssessment a) {
        if (a.failed()) {
            return failed(a.customerId(), a.failure());
        }
        CustomerProfile p = a.profile();
        boolean stored = a.changed();
        // points and reasons are stored only with a changed customer's assessment record (and its limit proposal)
        List<Points> points = stored ? a.points().stream()
                .map(x -> new Points(x.factor(), x.points(), Finding.of(x.finding(), false))).toList() : List.of();
        List<Finding> reasons = stored ? a.reasons().stream().map(f -> Finding.of(f, false)).toList() : List.of();
        List<Signal> signals = a.signals().stream()
                .map(s -> new Signal(s.type(), s.severity(), Finding.of(s.finding(), true))).toList();
        List<Risk> risks = a.risks().stream().map(r -> new Risk(r.riskType(), Finding.of(r.finding(), true))).toList();
        return new StagedResult(a.customerId(), null, new Previous(p.getSegment(), p.getTotalExposure(),
                p.getOpenReceivables(), p.getOverdueAmount(), p.getLast3MonthsSales(), p.getSameMonthsLastYearSales(),
                p.getPreviousScore(), p.getPreviousRiskClass(), p.getPreviousCreditLimit(), p.getPreviousPaymentTermsDays(),
                p.isPreviousPrepaymentRequired()), a.score(), points, a.classAfter(), a.limitComputed(), a.limitAfter(),
                a.limitProposed(), a.termsAfter(), a.prepaymentAfter(), reasons, signals, risks);
    }

    public boolean isFailure() {
        return failure != null;
    }

    /** The assessment again, for the service's writes; its profile holds only the values those writes read. */
    public CustomerAssessment toAssessment() {
        if (isFailure()) {
            throw new IllegalStateException("customer " + customerId + " failed: " + failure);
        }
        CustomerProfile profile = new CustomerProfile();
        profile.setCustomerId(customerId);
        profile.setSegment(previous.segment());
        profile.setTotalExposure(previous.totalExposure());
        profile.setOpenReceivables(previous.openReceivables());
        profile.setOverdueAmount(previous.overdueAmount());
        profile.setLast3MonthsSales(previous.last3MonthsSales());
        profile.setSameMonthsLastYearSales(previous.sameMonthsLastYearSales());
        profile.setPreviousScore(previous.score());
        profile.setPreviousRiskClass(previous.riskClass());
        profile.setPreviousCreditLimit(previous.creditLimit());
        profile.setPreviousPaymentTermsDays(previous.termsDays());
        profile.setPreviousPrepaymentRequired(previous.prepaymentRequired());
        List<Scorecard.Points> cardPoints = points.stream()
                .map(x -> new Scorecard.Points(x.factor(), x.points(), x.finding().toFinding())).toList();
        List<ProfileFinding> because = reasons.stream().map(Finding::toFinding).toList();
        List<Assessment.Signal> found = signals.stream()
                .map(s -> new Assessment.Signal(s.type(), s.severity(), s.finding().toFinding())).toList();
        List<Assessment.RaisedRisk> raised = risks.stream()
                .map(r -> new Assessment.RaisedRisk(r.riskType(), r.finding().toFinding())).toList();
        return new CustomerAssessment(profile, score, cardPoints, classAfter, limitComputed, limitAfter, limitProposed,
                termsAfter, prepaymentAfter, because, found, raised, null);
    }
}
