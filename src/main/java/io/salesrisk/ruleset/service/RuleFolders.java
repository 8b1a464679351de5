package io.salesrisk.ruleset.service;

import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.ruleset.config.RulesConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Reads the rule files from the configured folders: DRL from the rules folder, workbooks from the tables folder. */
@ApplicationScoped
public class RuleFolders {

    private final RulesConfig config;

    public RuleFolders(RulesConfig config) {
        this.config = config;
    }

    public Path drlDir() {
        return Path.of(config.drlDir());
    }

    public Path tablesDir() {
        return Path.of(config.tablesDir());
    }

    /** Every rule file and scenario file, byte for byte; editor lock files are skipped. */
    public RuleSources read() {
        return read(drlDir(), tablesDir());
    }

    /** Reads the two folders without CDI, for rule tests and tools. */
    public static RuleSources read(Path drlDir, Path tablesDir) {
        List<RuleFile> files = new ArrayList<>();
        files.addAll(readFolder(drlDir, "rules/", ".drl"));
        files.addAll(readFolder(tablesDir, "decision-tables/", ".xlsx", ".xls"));
        Path scenarios = tablesDir.resolve("scenarios");
        if (Files.isDirectory(scenarios)) {
            files.addAll(readFolder(scenarios, RuleSources.SCENARIO_FOLDER, ".csv", ".xlsx"));
        }
        return new RuleSources(files);
    }

    private static List<RuleFile> readFolder(Path folder, String prefix, String... extensions) {
        if (!Files.isDirectory(folder)) {
            throw new UncheckedIOException(new IOException("rule folder " + folder.toAbsolutePath() + " does not exist"));
        }
        try (Stream<Path> entries = Files.list(folder)) {
            List<RuleFile> files = new ArrayList<>();
            for (Path path : entries.filter(Files::isRegularFile).sorted().toList()) {
                String name = path.getFileName().toString();
                if (isRuleFile(name, extensions)) {
                    files.add(new RuleFile(prefix + name, Files.readAllBytes(path)));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Names, sizes and modification times of the rule files: cheap to take every second, and it changes whenever a
     * file is saved, added or removed.
     */
    public String fingerprint() {
        StringBuilder fingerprint = new StringBuilder();
        for (Path folder : List.of(drlDir(), tablesDir(), tablesDir().resolve("scenarios"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path path : entries.filter(Files::isRegularFile).sorted().toList()) {
                    if (isRuleFile(path.getFileName().toString(), ".drl", ".xlsx", ".xls", ".csv")) {
                        fingerprint.append(path).append(':').append(Files.size(path)).append(':')
                                .append(Files.getLastModifiedTime(path).toMillis()).append('\n');
                    }
                }
            } catch (IOException e) {
                fingerprint.append(folder).append(":unreadable\n");
            }
        }
        return fingerprint.toString();
    }

    /** Excel writes "~$name.xlsx" lock files and LibreOffice ".~lock.name#" while a file is open; they are not rules. */
    static boolean isRuleFile(String name, String... extensions) {
        if (name.startsWith("~$") || name.startsWith(".")) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String extension : extensions) {
            if (lower.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }
}
