package io.salesrisk.facts;

/** A result fact that wants to know which rule is writing to it, so every reason names its rule and source. */
public interface RuleAware {

    /** Called by the engine just before a rule's actions run. */
    void enterRule(RuleRef rule);
}
