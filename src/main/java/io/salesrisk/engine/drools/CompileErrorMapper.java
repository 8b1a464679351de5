package io.salesrisk.engine.drools;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.table.GeneratedDrl;
import io.salesrisk.engine.table.SheetCell;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Translates Drools compiler results into messages at the file and line of a DRL file, or at the sheet and cell of
 * a decision table, never at a line of generated DRL.
 */
final class CompileErrorMapper {

    private static final Pattern DROOLS_PREFIX = Pattern.compile("^\\[ERR \\d+] Line \\d+:\\d+\\s*");
    private static final Pattern TRAILING_RULE = Pattern.compile("\\s*in rule \"[^\"]*\"\\s*$");

    private final Map<String, GeneratedDrl> generated;
    private final Map<String, RuleFile> files;
    /** The code-snippet cell behind each table message, to recognise a broken snippet (fails on every row). */
    private final Map<CompileMessage, TemplateInfo> templates = new IdentityHashMap<>();

    CompileErrorMapper(Map<String, GeneratedDrl> generated, Map<String, RuleFile> files) {
        this.generated = generated;
        this.files = files;
    }

    CompileMessage map(KnowledgeBuilderResult result) {
        CompileMessage.Level level = result.getSeverity() == ResultSeverity.ERROR
                ? CompileMessage.Level.ERROR : CompileMessage.Level.WARNING;
        String path = result.getResource() == null ? null : result.getResource().getSourcePath();
        int[] lines = result.getLines();
        int line = lines == null || lines.length == 0 ? 0 : lines[0];
        String message = clean(result.getMessage());
        RuleFile file = path == null ? null : files.get(path);
        GeneratedDrl drl = path == null ? null : generated.get(path);
        if (drl == null) {
            return new CompileMessage(level, file == null ? path : file.fileName(), null, null, Math.max(line, 0), message);
        }
        GeneratedDrl.LineOrigin origin = locate(drl, line, result.getMessage());
        if (origin == null || origin.cell() == null) {
            return new CompileMessage(level, file.fileName(), null, null, 0,
                    message + (line > 0 ? " (generated rule line " + line + ")" : ""));
        }
        String generatedLine = line > 0 && line <= drl.drl().split("\n").length ? drl.drl().split("\n")[line - 1].trim() : null;
        String detail = generatedLine == null || message.contains(generatedLine) ? message : message + " — in: " + generatedLine;
        CompileMessage mapped = new CompileMessage(level, file.fileName(), origin.cell().sheet(), origin.cell().ref(), 0, detail);
        if (origin.template() != null) {
            templates.put(mapped, new TemplateInfo(origin.template(), countRowsUsing(drl, origin.template())));
        }
        return mapped;
    }

    /**
     * The line's origin; for errors Drools reports at a pattern or rule line, the constraint cell whose text the
     * message quotes is more precise.
     */
    private static GeneratedDrl.LineOrigin locate(GeneratedDrl drl, int line, String rawMessage) {
        GeneratedDrl.LineOrigin origin = drl.origin(line);
        if (origin == null || origin.template() != null || rawMessage == null) {
            return origin;
        }
        String[] lines = drl.drl().split("\n");
        for (int i = 0; i < lines.length; i++) {
            GeneratedDrl.LineOrigin candidate = drl.origins().get(i);
            String text = lines[i].trim().replaceAll(",$", "");
            if (candidate.template() != null && origin.rule() != null && origin.rule().equals(candidate.rule())
                    && text.length() > 3 && rawMessage.contains(text)) {
                return candidate;
            }
        }
        return origin;
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

    private record TemplateInfo(SheetCell template, int rowsUsing) {
    }

    /**
     * When the same column fails on every row that uses it, the fault is in the code snippet, not the values:
     * report it once at the snippet cell instead of once per row.
     */
    List<CompileMessage> collapseTemplateErrors(List<CompileMessage> messages) {
        Map<SheetCell, List<CompileMessage>> byTemplate = new LinkedHashMap<>();
        for (CompileMessage message : messages) {
            TemplateInfo info = templates.get(message);
            if (info != null && message.level() == CompileMessage.Level.ERROR) {
                byTemplate.computeIfAbsent(info.template(), t -> new ArrayList<>()).add(message);
            }
        }
        List<CompileMessage> result = new ArrayList<>();
        Set<CompileMessage> replaced = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Set<SheetCell> emitted = new HashSet<>();
        for (Map.Entry<SheetCell, List<CompileMessage>> entry : byTemplate.entrySet()) {
            long rows = entry.getValue().stream().map(CompileMessage::cell).distinct().count();
            int rowsUsing = templates.get(entry.getValue().get(0)).rowsUsing();
            if (rows >= 2 && rows == rowsUsing) {
                replaced.addAll(entry.getValue());
            }
        }
        for (CompileMessage message : messages) {
            TemplateInfo info = templates.get(message);
            if (!replaced.contains(message)) {
                result.add(message);
            } else if (emitted.add(info.template())) {
                SheetCell template = info.template();
                result.add(CompileMessage.cellError(message.file(), template.sheet(), template.ref(),
                        "the code snippet '" + template.text() + "' fails on every row (" + info.rowsUsing()
                                + " rows), so the snippet itself is wrong: " + message.message()));
            }
        }
        return result;
    }

    private static String clean(String message) {
        if (message == null) {
            return "unknown compiler error";
        }
        String cleaned = DROOLS_PREFIX.matcher(message.trim()).replaceFirst("");
        cleaned = TRAILING_RULE.matcher(cleaned).replaceFirst("");
        return cleaned.replaceAll("\\s+", " ").trim();
    }
}
