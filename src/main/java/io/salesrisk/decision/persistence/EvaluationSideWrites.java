package io.salesrisk.decision.persistence;

import io.salesrisk.common.persistence.SqlSession;

import java.util.List;

/**
 * Rows another feature writes with evaluated orders, in the same transaction as their decisions (the held-order
 * records): implemented by that feature, called by the {@link DecisionWriter} after the orders and decisions of a
 * batch are written, so a decision and what follows from it commit or fail together.
 */
public interface EvaluationSideWrites {

    void write(SqlSession session, List<EvaluationWrite> writes);
}
