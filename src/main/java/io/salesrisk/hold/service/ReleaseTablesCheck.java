package io.salesrisk.hold.service;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.facts.Outcome;
import io.salesrisk.facts.ReleaseRequest;
import io.salesrisk.ruleset.service.RuleSetCheck;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;

/**
 * Warns when a candidate rule set has no release-authority rows at all: with it active, every release of a held order
 * would be refused. A warning, not an error, since a deployment may want releases refused while it sets them up.
 */
@ApplicationScoped
public class ReleaseTablesCheck implements RuleSetCheck {

    @Override
    public List<CompileMessage> check(CompiledRuleSet candidate) {
        boolean answers = false;
        for (int level = 1; level <= 9 && !answers; level++) {
            ReleaseRequest probe = new ReleaseRequest(Outcome.REVIEW, BigDecimal.ONE, BigDecimal.ZERO, "A", "", level, 0);
            candidate.run(List.of(probe), probe);
            answers = probe.verdict().isPresent();
        }
        return answers ? List.of() : List.of(CompileMessage.cellWarning("release-authority.xlsx", null, null,
                "no release-authority row answers a release request (decision-tables/release-authority.xlsx is missing or"
                        + " empty): with this version active every release of a held order is refused"));
    }
}
