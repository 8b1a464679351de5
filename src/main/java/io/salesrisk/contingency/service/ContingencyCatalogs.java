package io.salesrisk.contingency.service;

import io.salesrisk.contingency.catalog.ContingencyCatalog;
import io.salesrisk.contingency.catalog.ContingencyCatalogReader;
import io.salesrisk.engine.CompileMessage;
import io.salesrisk.common.reference.ReferenceConfig;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.ruleset.service.RuleSetCheck;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contingency catalog of each rule-set version, read once from its files. As a {@link RuleSetCheck} it also
 * rejects a candidate whose register, matrix or plans are broken, or whose triggers raise a risk the register
 * does not know.
 */
@ApplicationScoped
public class ContingencyCatalogs implements RuleSetCheck {

    private static final int KEEP = 8;

    private final Map<String, ContingencyCatalog> byVersion = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ContingencyCatalog> eldest) {
            return size() > KEEP;
        }
    };

    private final ReferenceConfig reference;

    public ContingencyCatalogs(ReferenceConfig reference) {
        this.reference = reference;
    }

    private ContingencyCatalogReader.Result read(CompiledRuleSet ruleSet) {
        return ContingencyCatalogReader.read(ruleSet.tables(),
                ruleSet.sources().ruleFiles().stream().filter(RuleFile::isDrl).toList(), reference.riskClasses());
    }

    @Override
    public List<CompileMessage> check(CompiledRuleSet candidate) {
        ContingencyCatalogReader.Result result = read(candidate);
        if (result.catalog() != null) {
            synchronized (this) {
                byVersion.put(candidate.version(), result.catalog());
            }
        }
        return result.errors();
    }

    /** The catalog of a rule set; versions that were accepted always have a readable one. */
    public ContingencyCatalog of(CompiledRuleSet ruleSet) {
        synchronized (this) {
            ContingencyCatalog cached = byVersion.get(ruleSet.version());
            if (cached != null) {
                return cached;
            }
        }
        ContingencyCatalogReader.Result result = read(ruleSet);
        if (result.catalog() == null) {
            throw new IllegalStateException("rule set " + ruleSet.version() + " has a broken contingency catalog: "
                    + result.errors().get(0));
        }
        synchronized (this) {
            byVersion.put(ruleSet.version(), result.catalog());
        }
        return result.catalog();
    }
}
