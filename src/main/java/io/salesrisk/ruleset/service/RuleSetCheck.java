package io.salesrisk.ruleset.service;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.CompiledRuleSet;

import java.util.List;

/**
 * A check of a candidate rule set beyond compiling it, such as the contingency register the triggers refer to.
 * Any ERROR rejects the version exactly like a compile error, located at its file and cell.
 */
public interface RuleSetCheck {

    List<CompileMessage> check(CompiledRuleSet candidate);
}
