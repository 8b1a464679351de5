package io.salesrisk.engine;

import io.salesrisk.engine.table.DecisionTableWorkbook;
import io.salesrisk.facts.RuleAware;

import java.util.Collection;
import java.util.List;

/** An immutable, versioned rule base, safe to use from many threads at once. */
public interface CompiledRuleSet {

    /** Short content hash of the files it was compiled from; stamped on every decision. */
    String version();

    /** The files it was compiled from, byte for byte. */
    RuleSources sources();

    /** Every rule with its origin (file and line, or file, sheet and row). */
    List<RuleDescriptor> rules();

    /**
     * The decision tables as parsed when the rule set was compiled, so the explanation, the contingency catalog and
     * the like read the very cells the rules were generated from, without reading the workbooks again.
     */
    List<DecisionTableWorkbook> tables();

    /** Warnings from compilation (normalised Excel input and the like); errors never produce a rule set. */
    List<CompileMessage> warnings();

    /**
     * Runs the rules over the facts. The result fact is told which rule fires before its actions run.
     * Never throws for a rule's fault: a rule that fails or keeps firing is reported in the returned run.
     */
    RuleRun run(Collection<?> facts, RuleAware result);
}
