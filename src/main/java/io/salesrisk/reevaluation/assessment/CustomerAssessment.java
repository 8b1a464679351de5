package io.salesrisk.reevaluation.assessment;

import io.salesrisk.facts.Assessment;
import io.salesrisk.facts.CustomerProfile;
import io.salesrisk.facts.ProfileFinding;
import io.salesrisk.facts.Scorecard;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of assessing one customer: new score, class, limit, terms and prepayment against the old ones, the
 * limit proposed for approval (when the increase is too large to apply), signals and raised risks, with every reason.
 *
 * @param limitProposed null unless an increase waits for a risk officer
 * @param failure       null when the assessment succeeded; else why it could not be made (nothing else is set then)
 */
public record CustomerAssessment(CustomerProfile profile, int score, List<Scorecard.Points> points,
                                 String classAfter, BigDecimal limitComputed, BigDecimal limitAfter,
                                 BigDecimal limitProposed, int termsAfter, boolean prepaymentAfter,
                                 List<ProfileFinding> reasons, List<Assessment.Signal> signals,
                                 List<Assessment.RaisedRisk> risks, String failure) {

    static CustomerAssessment failed(CustomerProfile profile, String failure) {
        return new CustomerAssessment(profile, 0, List.of(), null, null, null, null, 0, false, List.of(),
                List.of(), List.of(), failure);
    }

    public String customerId() {
        return profile.getCustomerId();
    }

    public boolean failed() {
        return failure != null;
    }

    public String classBefore() {
        return profile.getPreviousRiskClass();
    }

    public BigDecimal limitBefore() {
        return profile.getPreviousCreditLimit();
    }

    public int termsBefore() {
        return profile.getPreviousPaymentTermsDays();
    }

    public boolean prepaymentBefore() {
        return profile.isPreviousPrepaymentRequired();
    }

    /** Whether the customer's stored values change (or an increase is proposed): only then is a record written. */
    public boolean changed() {
        return !failed() && (profile.getPreviousScore() == null || score != profile.getPreviousScore() || !classAfter.equals(classBefore())
                || limitAfter.compareTo(limitBefore()) != 0 || termsAfter != termsBefore()
                || prepaymentAfter != prepaymentBefore() || limitProposed != null);
    }
}
