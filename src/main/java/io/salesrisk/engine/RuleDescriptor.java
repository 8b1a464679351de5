package io.salesrisk.engine;

import io.salesrisk.facts.RuleRef;

/**
 * A compiled rule and where it came from.
 *
 * @param ref name, source and, for table rows, the row's values
 */
public record RuleDescriptor(RuleRef ref) {

    public String name() {
        return ref.name();
    }
}
