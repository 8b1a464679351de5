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

    /** Every rule file, byte for byte. Sub-folders (such as scenarios/) and editor lock files are skipped. */
    public RuleSources read() {
        return read(drlDir(), tablesDir());
    }

    /** Reads the two folders without CDI, for rule tests and tools. */
    public static RuleSources read(Path drlDir, Path tablesDir) {
        List<RuleFile> files = new ArrayList<>();
        files.addAll(readFolder(drlDir, "rules/", ".drl"));
        files.addAll(readFolder(tablesDir, "decision-tables/", ".xlsx", ".xls"));
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
