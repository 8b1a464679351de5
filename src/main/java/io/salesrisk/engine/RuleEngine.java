package io.salesrisk.engine;

/**
 * The rule engine, as the rest of salesrisk sees it: rule files in, an immutable compiled rule set out.
 * Only the implementation ({@code engine.drools}) touches Drools, and nothing here depends on Quarkus, so the same
 * evaluation runs in the service, a batch worker or a benchmark.
 */
public interface RuleEngine {

    /**
     * Compiles DRL files and decision tables into a rule set. Nothing is shared with earlier rule sets, so a
     * failure leaves whatever is running untouched.
     *
     * @throws RuleSetCompilationException with every error, located by file and line or by sheet and cell
     */
    CompiledRuleSet compile(RuleSources sources) throws RuleSetCompilationException;
}
