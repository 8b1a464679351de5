package io.salesrisk.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** The set of rule files one rule set is compiled from, in a stable order, with its content hash. */
public record RuleSources(List<RuleFile> files) {

    public RuleSources {
        files = files.stream().sorted(Comparator.comparing(RuleFile::path)).toList();
    }

    /** Folder of business test scenarios; files there are tests of the rules, not rules. */
    public static final String SCENARIO_FOLDER = "decision-tables/scenarios/";

    /** The DRL files and decision tables. */
    public List<RuleFile> ruleFiles() {
        return files.stream().filter(file -> !file.path().startsWith(SCENARIO_FOLDER)).toList();
    }

    /** The business test scenarios (csv or xlsx) shipped with the rules. */
    public List<RuleFile> scenarioFiles() {
        return files.stream().filter(file -> file.path().startsWith(SCENARIO_FOLDER)).toList();
    }

    /** SHA-256 over every path and content, hex encoded. Same files, same hash, on every machine. */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files) {
                digest.update(file.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
