package io.salesrisk.spark;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSetCompilationException;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.engine.drools.DroolsRuleEngine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule sets of this executor JVM, compiled once each and kept by content hash: tasks carry only the version and
 * its hash (Drools objects are never serialized), and each executor reads the version's files from the service's
 * database and compiles them the first time a task needs them, through the same engine the service uses.
 */
final class ExecutorRules {

    private static final Map<String, CompiledRuleSet> BY_HASH = new ConcurrentHashMap<>();
    private static final Object COMPILING = new Object();

    private ExecutorRules() {
    }

    static CompiledRuleSet get(Connection connection, String version, String contentHash, int maxFirings)
            throws SQLException {
        CompiledRuleSet cached = BY_HASH.get(contentHash);
        if (cached != null) {
            return cached;
        }
        synchronized (COMPILING) { // two tasks of one executor compile it once
            cached = BY_HASH.get(contentHash);
            if (cached != null) {
                return cached;
            }
            RuleSources sources = files(connection, version);
            if (!sources.contentHash().equals(contentHash)) {
                throw new IllegalStateException("the files of rule set " + version + " do not hash to " + contentHash
                        + " (they hash to " + sources.contentHash() + ")");
            }
            try {
                CompiledRuleSet compiled = new DroolsRuleEngine(maxFirings).compile(sources);
                BY_HASH.put(contentHash, compiled);
                return compiled;
            } catch (RuleSetCompilationException e) {
                throw new IllegalStateException("rule set " + version + " does not compile: " + e.getMessage(), e);
            }
        }
    }

    /** How many rule sets this JVM has compiled (for the job's report and tests). */
    static int compiledCount() {
        return BY_HASH.size();
    }

    private static RuleSources files(Connection connection, String version) throws SQLException {
        List<RuleFile> files = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT path, content FROM rule_set_files WHERE version = ? ORDER BY path")) {
            select.setString(1, version);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    files.add(new RuleFile(rows.getString(1), rows.getBytes(2)));
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("rule set " + version + " has no files in rule_set_files");
        }
        return new RuleSources(files);
    }
}
