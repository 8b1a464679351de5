package io.salesrisk.ruleset.service;

import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.TooLargeException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.ruleset.config.RulesConfig;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Turns uploaded parts (files, or one zip) into rule files, within the configured limits: at most so many files,
 * a zip may expand only so far (a zip bomb is refused before it fills memory), and only rule file types. A part
 * named like a path ({@code decision-tables/credit.xlsx}) goes there; otherwise the folder follows the type:
 * {@code .drl} to rules/, workbooks to decision-tables/, {@code .csv} and workbooks named "scenario" to scenarios/.
 */
public final class RuleSetUpload {

    /** One uploaded part. */
    public record Part(String name, String fileName, byte[] content) {
    }

    private RuleSetUpload() {
    }

    /** The uploaded files, each at its place in the rule folders. */
    public static List<RuleFile> files(List<Part> parts, RulesConfig.Upload limits) {
        List<ProblemDetail> errors = new ArrayList<>();
        long total = parts.stream().mapToLong(p -> p.content().length).sum();
        if (total > limits.maxBytes()) {
            throw new TooLargeException("files", String.format(java.util.Locale.ROOT,
                    "the upload is %,d bytes; a rule-set upload may be at most %,d bytes (salesrisk.rules.upload.max-bytes)",
                    total, limits.maxBytes()));
        }
        Map<String, RuleFile> files = new LinkedHashMap<>();
        for (Part part : parts) {
            String name = part.fileName() == null || part.fileName().isBlank() ? part.name() : part.fileName();
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                unzip(part.content(), name, limits, files, errors);
            } else {
                String path = part.name() != null && part.name().contains("/") ? part.name() : name;
                add(path, part.content(), name, files, errors);
            }
        }
        if (files.size() > limits.maxFiles()) {
            errors.add(ProblemDetail.field("files", "the upload holds " + files.size() + " files; at most " + limits.maxFiles()));
        }
        if (files.isEmpty() && errors.isEmpty()) {
            errors.add(ProblemDetail.field("files", "no rule files in the upload: send .drl, .xlsx or .csv files, or a zip of them"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the upload cannot be used", errors);
        }
        return new ArrayList<>(files.values());
    }

    /** The uploaded files laid over the base version (same path replaces), or alone when {@code replace}. */
    public static RuleSources merge(RuleSources base, List<RuleFile> uploaded, boolean replace) {
        Map<String, RuleFile> files = new LinkedHashMap<>();
        if (!replace) {
            base.files().forEach(file -> files.put(file.path(), file));
        }
        uploaded.forEach(file -> files.put(file.path(), file));
        return new RuleSources(new ArrayList<>(files.values()));
    }

    private static void unzip(byte[] zip, String zipName, RulesConfig.Upload limits, Map<String, RuleFile> files,
                              List<ProblemDetail> errors) {
        long expanded = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            byte[] buffer = new byte[8192];
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > limits.maxFiles() * 4) {
                    throw new IOException("more than " + limits.maxFiles() * 4 + " entries");
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                int read;
                while ((read = in.read(buffer)) > 0) {
                    expanded += read;
                    if (expanded > limits.maxUnzippedBytes()) {
                        throw new IOException("it expands beyond " + limits.maxUnzippedBytes()
                                + " bytes; refused as a possible zip bomb");
                    }
                    content.write(buffer, 0, read);
                }
                if (entry.isDirectory() || ignored(entry.getName())) {
                    continue;
                }
                add(entry.getName(), content.toByteArray(), zipName + "!" + entry.getName(), files, errors);
            }
        } catch (IOException | IllegalArgumentException e) {
            errors.add(new ProblemDetail("files", null, zipName, null, null, null, "the zip cannot be read: " + e.getMessage()));
        }
    }

    private static boolean ignored(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || file.startsWith(".") || file.startsWith("~$") || file.isEmpty();
    }

    private static void add(String rawPath, byte[] content, String shownAs, Map<String, RuleFile> files,
                            List<ProblemDetail> errors) {
        String path = rawPath.replace('\\', '/');
        if (path.startsWith("/") || path.contains("../") || path.contains("/..") || path.equals("..")) {
            errors.add(new ProblemDetail("files", null, shownAs, null, null, null, "file paths may not leave the rule folders"));
            return;
        }
        String target = target(path);
        if (target == null) {
            errors.add(new ProblemDetail("files", null, shownAs, null, null, null,
                    "not a rule file: expected .drl, .xlsx, .xls or .csv (scenarios)"));
            return;
        }
        files.put(target, new RuleFile(target, content));
    }

    /** Where a file belongs in the rule folders, or null when it is not a rule file. */
    static String target(String path) {
        String[] segments = path.split("/");
        int start = -1;
        for (int i = 0; i < segments.length - 1; i++) {
            if (segments[i].equals("rules") || segments[i].equals("decision-tables")) {
                start = i;
                break;
            }
        }
        String relative = start < 0 ? path : String.join("/", java.util.Arrays.copyOfRange(segments, start, segments.length));
        if (relative.startsWith("rules/") && relative.endsWith(".drl")) {
            return relative;
        }
        if (relative.startsWith(RuleSources.SCENARIO_FOLDER) && (relative.endsWith(".csv") || relative.endsWith(".xlsx"))) {
            return relative;
        }
        if (relative.startsWith("decision-tables/") && !relative.substring(16).contains("/")
                && (relative.endsWith(".xlsx") || relative.endsWith(".xls"))) {
            return relative;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".drl")) {
            return "rules/" + name;
        }
        if (lower.endsWith(".csv") || (lower.endsWith(".xlsx") && lower.contains("scenario"))) {
            return RuleSources.SCENARIO_FOLDER + name;
        }
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            return "decision-tables/" + name;
        }
        return null;
    }
}
