package io.salesrisk.engine.drools;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.table.GeneratedDrl;
import io.salesrisk.engine.table.SheetCell;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates Drools compiler results into messages at the file and line of a DRL file, or at the sheet and cell of
 * a decision table, never at a line of generated DRL. One message per cell; a code snippet that fails on every row
 * is reported once, at the snippet.
 */
final class CompileErrorMapper {

    private static final Pattern DROOLS_PREFIX = Pattern.compile("^\\[ERR \\d+] Line \\d+:\\d+\\s*");
    private static final Pattern TRAILING_RULE = Pattern.compile("\\s*in rule \"[^\"]*\"\\s*$");
    private static final Pattern MVEL_ANALYSE = Pattern.compile(
            "Unable to Analyse Expression (.*?):\\s*\\[Error: (.*?)]\\s*(\\[Near.*)?$", Pattern.DOTALL);
    private static final Pattern GENERATED_POSITION = Pattern.compile("\\s*\\[(Near|Line)[^]]*]");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][\\w.]{2,}|\\d[\\d.]{3,}");
    private static final String NULL_PACKAGE = "Parser returned a null Package";

    private final Map<String, GeneratedDrl> generated;
    private final Map<String, RuleFile> files;
    /** The code-snippet cell behind each table message, to recognise a broken snippet (fails on every row). */
    private final Map<CompileMessage, TemplateInfo> templates = new IdentityHashMap<>();

    CompileErrorMapper(Map<String, GeneratedDrl> generated, Map<String, RuleFile> files) {
        this.generated = generated;
        this.files = files;
    }

    private record TemplateInfo(SheetCell template, int rowsUsing) {
    }

    CompileMessage map(KnowledgeBuilderResult result) {
        CompileMessage.Level level = result.getSeverity() == ResultSeverity.ERROR
                ? CompileMessage.Level.ERROR : CompileMessage.Level.WARNING;
        String path = result.getResource() == null ? null : result.getResource().getSourcePath();
        int[] lines = result.getLines();
        int line = lines == null || lines.length == 0 ? 0 : lines[0];
        String raw = result.getMessage() == null ? "unknown compiler error" : result.getMessage();
        String message = clean(raw);
        RuleFile file = path == null ? null : files.get(path);
        GeneratedDrl drl = path == null ? null : generated.get(path);
        if (drl == null) {
            return new CompileMessage(level, file == null ? path : file.fileName(), null, null, Math.max(line, 0), message);
        }
        String[] drlLines = drl.drl().split("\n", -1);
        int imported = importLine(drl, drlLines, raw);
        int located = imported > 0 ? imported : locate(drl, drlLines, line, raw);
        GeneratedDrl.LineOrigin origin = drl.origin(located);
        if (origin == null || origin.cell() == null) {
            // Drools named no line, or one without a cell: the rule's first cell, else the workbook's RuleSet cell
            SheetCell fallback = fallbackCell(drl, origin);
            return fallback == null ? new CompileMessage(level, file.fileName(), null, null, 0, message)
                    : new CompileMessage(level, file.fileName(), fallback.sheet(), fallback.ref(), 0, message);
        }
        String generatedLine = drlLines[located - 1].trim();
        String detail = message.contains(generatedLine) ? message : message + " — in: " + generatedLine;
        CompileMessage mapped = new CompileMessage(level, file.fileName(), origin.cell().sheet(), origin.cell().ref(), 0, detail);
        if (origin.template() != null) {
            templates.put(mapped, new TemplateInfo(origin.template(), countRowsUsing(drl, origin.template())));
        }
        return mapped;
    }

    /**
     * The Import line a message is about ("Error importing 'x.Y'", "x.Y resolves to a package"), which Drools
     * reports at the package line or at every rule: the Import cell is where the author can fix it.
     */
    private static int importLine(GeneratedDrl drl, String[] lines, String message) {
        for (int i = 0; i < lines.length && i < drl.origins().size(); i++) {
            String text = lines[i].trim();
            GeneratedDrl.LineOrigin origin = drl.origins().get(i);
            if (text.startsWith("import ") && text.endsWith(";") && origin.cell() != null
                    && !text.startsWith("import io.salesrisk.facts.")) {
                String type = text.substring(7, text.length() - 1).replaceFirst("^(static|function)\\s+", "").trim();
                if (containsWord(message, type)) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    private static SheetCell fallbackCell(GeneratedDrl drl, GeneratedDrl.LineOrigin origin) {
        String rule = origin == null ? null : origin.rule();
        for (GeneratedDrl.LineOrigin candidate : drl.origins()) {
            if (candidate.cell() != null && (rule == null || rule.equals(candidate.rule()))) {
                return candidate.cell();
            }
        }
        return null;
    }

    /**
     * The generated line an error belongs to. Drools often reports a constraint or action error at the line of the
     * pattern or rule; then the data-cell line of the same rule that the message quotes is the better place.
     */
    private static int locate(GeneratedDrl drl, String[] lines, int line, String message) {
        GeneratedDrl.LineOrigin origin = drl.origin(line);
        if (origin == null || origin.template() != null || origin.rule() == null) {
            return line;
        }
        int best = line;
        int bestScore = 0;
        for (int i = 0; i < lines.length && i < drl.origins().size(); i++) {
            GeneratedDrl.LineOrigin candidate = drl.origins().get(i);
            if (candidate.template() == null || !origin.rule().equals(candidate.rule())) {
                continue;
            }
            int score = score(lines[i].trim().replaceAll("[,;]$", ""), candidate.cell().text(), message);
            if (score > bestScore) {
                best = i + 1;
                bestScore = score;
            }
        }
        return best;
    }

    /** 3: the message quotes the whole line; 2: it names the cell's value; 1: it names a field the line uses. */
    private static int score(String lineText, String cellValue, String message) {
        if (lineText.length() > 3 && message.contains(lineText)) {
            return 3;
        }
        if (cellValue.length() >= 3 && containsWord(message, cellValue)) {
            return 2;
        }
        Matcher words = WORD.matcher(lineText);
        while (words.find()) {
            String word = words.group();
            if (word.contains(".") && containsWord(message, word)) {
                return 1;
            }
        }
        return 0;
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![\\w])" + Pattern.quote(word) + "(?![\\w])").matcher(text).find();
    }

    private static int countRowsUsing(GeneratedDrl drl, SheetCell template) {
        Set<String> cells = new HashSet<>();
        for (GeneratedDrl.LineOrigin origin : drl.origins()) {
            if (origin.template() != null && origin.template().equals(template)) {
                cells.add(origin.cell().ref());
            }
        }
        return cells.size();
    }

    /**
     * Final list: compiler noise dropped, one message per cell, and a snippet that fails on every row reported
     * once at the snippet cell instead of once per row.
     */
    List<CompileMessage> finish(List<CompileMessage> messages) {
        boolean hasSpecific = messages.stream().anyMatch(m -> !m.message().contains(NULL_PACKAGE));
        List<CompileMessage> unique = new ArrayList<>();
        Set<String> seenCells = new HashSet<>();
        for (CompileMessage message : messages) {
            if (hasSpecific && message.message().contains(NULL_PACKAGE)) {
                continue;
            }
            if (message.cell() != null && !seenCells.add(message.level() + message.location())) {
                continue;
            }
            unique.add(message);
        }
        return collapseTemplateErrors(unique);
    }

    private List<CompileMessage> collapseTemplateErrors(List<CompileMessage> messages) {
        Map<SheetCell, List<CompileMessage>> byTemplate = new LinkedHashMap<>();
        for (CompileMessage message : messages) {
            TemplateInfo info = templates.get(message);
            if (info != null && message.level() == CompileMessage.Level.ERROR) {
                byTemplate.computeIfAbsent(info.template(), t -> new ArrayList<>()).add(message);
            }
        }
        Set<CompileMessage> replaced = Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<CompileMessage> group : byTemplate.values()) {
            long rows = group.stream().map(CompileMessage::cell).distinct().count();
            if (rows >= 2 && rows == templates.get(group.get(0)).rowsUsing()) {
                replaced.addAll(group);
            }
        }
        List<CompileMessage> result = new ArrayList<>();
        Set<SheetCell> emitted = new HashSet<>();
        for (CompileMessage message : messages) {
            if (!replaced.contains(message)) {
                result.add(message);
                continue;
            }
            TemplateInfo info = templates.get(message);
            if (emitted.add(info.template())) {
                SheetCell template = info.template();
                String cause = message.message().replaceAll(" — in: .*$", "");
                result.add(CompileMessage.cellError(message.file(), template.sheet(), template.ref(),
                        "the code snippet '" + template.text() + "' fails on every row (" + info.rowsUsing()
                                + " rows), so the snippet itself is wrong: " + cause));
            }
        }
        return result;
    }

    /** Drools' message without generated line numbers; MVEL's analysis errors rephrased. */
    private static String clean(String message) {
        String cleaned = DROOLS_PREFIX.matcher(message.trim()).replaceFirst("");
        cleaned = TRAILING_RULE.matcher(cleaned).replaceFirst("");
        Matcher analyse = MVEL_ANALYSE.matcher(cleaned);
        if (analyse.find()) {
            cleaned = "cannot evaluate '" + analyse.group(1).trim() + "': " + analyse.group(2).trim();
        }
        cleaned = GENERATED_POSITION.matcher(cleaned).replaceAll("");
        return cleaned.replaceAll("\\s+", " ").trim();
    }
}
