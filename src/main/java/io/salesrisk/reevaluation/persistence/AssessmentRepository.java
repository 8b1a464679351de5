package io.salesrisk.reevaluation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The one writer of {@code customer_assessments}: a chunk's changed customers are inserted in one batch in the
 * chunk's transaction (the re-evaluation figure in the README: every one of 1,000,000 customers changes in the
 * benchmark); the history is read through Panache.
 */
@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<AssessmentEntity, RunCustomerKey> {

    /** A change to a customer made by a run, with the score's points and the reasons. */
    public record AssessmentRecord(UUID runId, String customerId, OffsetDateTime assessedAt, Integer scoreBefore, int score,
                                   String classBefore, String classAfter, BigDecimal limitBefore, BigDecimal limitAfter,
                                   BigDecimal limitProposed, int termsBefore, int termsAfter, boolean prepaymentBefore,
                                   boolean prepayment, Object reasons) {
    }

    /** A row to insert; {@code reasonsJson} is JSON text. */
    public record NewAssessment(String customerId, Integer scoreBefore, int score, String classBefore, String classAfter,
                                BigDecimal limitBefore, BigDecimal limitAfter, BigDecimal limitProposed, int termsBefore,
                                int termsAfter, boolean prepaymentBefore, boolean prepayment, String reasonsJson) {
    }

    private final Jdbc jdbc;
    private final JsonText json;

    public AssessmentRepository(Jdbc jdbc, JsonText json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts a chunk's assessments in the caller's transaction. */
    public void insertAll(UUID runId, List<NewAssessment> assessments, OffsetDateTime at) {
        jdbc.write(sql -> sql.batch("INSERT INTO customer_assessments (run_id, customer_id, assessed_at, score_before, score, "
                + "class_before, class_after, limit_before, limit_after, limit_proposed, terms_before, terms_after, "
                + "prepayment_before, prepayment, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + jdbc.dialect().jsonParameter() + ")", assessments, (s, a) -> s.set(runId, a.customerId(), at,
                a.scoreBefore(), a.score(), a.classBefore(), a.classAfter(), a.limitBefore(), a.limitAfter(),
                a.limitProposed(), a.termsBefore(), a.termsAfter(), a.prepaymentBefore(), a.prepayment(), a.reasonsJson())));
    }

    /** A customer's assessments, newest first. */
    @Transactional
    public List<AssessmentRecord> ofCustomer(String customerId, int limit) {
        return records(find("customerId", Sort.descending("assessedAt"), customerId).page(0, limit).list());
    }

    /** A run's assessments in customer order. */
    @Transactional
    public List<AssessmentRecord> ofRun(UUID runId, int limit, int offset) {
        return records(find("runId", Sort.ascending("customerId"), runId).range(offset, offset + limit - 1).list());
    }

    private List<AssessmentRecord> records(List<AssessmentEntity> rows) {
        return rows.stream().map(a -> new AssessmentRecord(a.runId, a.customerId, a.assessedAt, a.scoreBefore, a.score,
                a.classBefore, a.classAfter, a.limitBefore, a.limitAfter, a.limitProposed, a.termsBefore, a.termsAfter,
                a.prepaymentBefore, a.prepayment, json.tree(a.reasons))).toList();
    }
}
