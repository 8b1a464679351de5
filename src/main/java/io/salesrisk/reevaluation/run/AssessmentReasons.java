package io.salesrisk.reevaluation.run;

import io.salesrisk.common.json.JsonText;
import io.salesrisk.facts.ProfileFinding;
import io.salesrisk.facts.Scorecard;
import io.salesrisk.reevaluation.assessment.CustomerAssessment;
import io.salesrisk.reevaluation.persistence.AssessmentRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The reasons of an assessment as stored with it and with a limit proposal: every scorecard point and finding. */
@ApplicationScoped
public class AssessmentReasons {

    /** One scorecard factor in a stored assessment. */
    record ScorePoints(String factor, int points, String rule, String source, String message) {
    }

    /** One reason in a stored assessment. */
    record Because(String what, String rule, String source, String message) {
    }

    /** The reasons column of a customer assessment. */
    record StoredReasons(List<ScorePoints> score, List<Because> reasons, BigDecimal limitComputed) {
    }

    private final JsonText json;

    public AssessmentReasons(JsonText json) {
        this.json = json;
    }

    String json(CustomerAssessment a) {
        List<ScorePoints> score = new ArrayList<>();
        for (Scorecard.Points p : a.points()) {
            score.add(new ScorePoints(p.factor(), p.points(), p.finding().rule(), p.finding().source(), p.finding().message()));
        }
        List<Because> reasons = new ArrayList<>();
        for (ProfileFinding f : a.reasons()) {
            reasons.add(new Because(f.what(), f.rule(), f.source(), f.message()));
        }
        return json.write(new StoredReasons(score, reasons, a.limitComputed()));
    }

    /** The assessment row of a changed customer. */
    AssessmentRepository.NewAssessment record(CustomerAssessment a) {
        return new AssessmentRepository.NewAssessment(a.customerId(), a.profile().getPreviousScore(), a.score(),
                a.classBefore(), a.classAfter(), a.limitBefore(), a.limitAfter(), a.limitProposed(), a.termsBefore(),
                a.termsAfter(), a.prepaymentBefore(), a.prepaymentAfter(), json(a));
    }
}
