package io.salesrisk.engine;

import io.salesrisk.engine.table.GeneratedDrl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What rule files may not do. Rules run inside the service, so a rule that exits the JVM, starts processes, uses
 * reflection, touches files or the network, starts threads or loads classes is refused before it is compiled,
 * with the rule and the line or cell named. Comments and string literals are ignored, so a message saying
 * "Runtime error" is fine; imports must come from the fact package or plain value types.
 */
public final class RulePolicy {

    private record Forbidden(Pattern pattern, String what) {
    }

    private static final List<Forbidden> FORBIDDEN = List.of(
            forbid("\\bSystem\\s*\\.", "System (exit, environment, properties, console)"),
            forbid("\\bRuntime\\b", "Runtime (processes, exit)"),
            forbid("\\bProcess(Builder|Handle)?\\b", "processes"),
            forbid("\\bClass\\s*\\.\\s*forName\\b|\\.\\s*getClass\\s*\\(|\\.\\s*class\\b|\\bjava\\s*\\.\\s*lang\\s*\\.\\s*(reflect|invoke)\\b"
                    + "|\\bgetDeclared\\w*\\s*\\(|\\bgetMethods?\\s*\\(|\\bgetFields?\\s*\\(|\\bsetAccessible\\s*\\(|\\bMethodHandles?\\b"
                    + "|\\bnewInstance\\s*\\(|\\binvoke\\s*\\(", "reflection"),
            forbid("\\bjava\\s*\\.\\s*(io|nio|net)\\b|\\bFiles?\\b|\\bFile(Input|Output)Stream\\b|\\bFile(Reader|Writer)\\b"
                    + "|\\bRandomAccessFile\\b|\\bPaths?\\b|\\bSocket\\w*\\b|\\bURL\\w*\\b|\\bURI\\b|\\bHttp\\w*\\b"
                    + "|\\bObject(Input|Output)Stream\\b", "file or network I/O"),
            forbid("\\bThread\\w*\\b|\\bExecutor\\w*\\b|\\bForkJoin\\w*\\b|\\bCompletableFuture\\b|\\bTimer\\b"
                    + "|\\bjava\\s*\\.\\s*util\\s*\\.\\s*concurrent\\b", "threads"),
            forbid("\\bClassLoader\\b|\\bdefineClass\\b|\\bloadClass\\b|\\bUnsafe\\b|\\bsun\\s*\\.\\s*misc\\b", "class loading"),
            forbid("\\bjavax\\s*\\.\\s*(script|naming|management)\\b|\\bScriptEngine\\w*\\b|\\bInitialContext\\b|\\bexec\\s*\\(",
                    "scripting, JNDI or command execution"));

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+|function\\s+)?([\\w.*]+)");
    private static final List<String> ALLOWED_IMPORTS = List.of("io.salesrisk.facts.", "java.math.", "java.time.",
            "java.util.", "java.lang.Math", "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
            "java.lang.Boolean", "java.lang.Number", "java.lang.Character");
    private static final List<String> FORBIDDEN_UTIL = List.of("java.util.concurrent", "java.util.jar", "java.util.zip",
            "java.util.logging", "java.util.prefs", "java.util.spi", "java.util.ServiceLoader");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(\"[^\"]*\"|'[^']*'|\\S+)");

    private RulePolicy() {
    }

    private static Forbidden forbid(String regex, String what) {
        return new Forbidden(Pattern.compile(regex), what);
    }

    /** Violations in a DRL file, at their line and rule. */
    public static List<CompileMessage> checkDrl(RuleFile file) {
        String[] lines = code(new String(file.content(), StandardCharsets.UTF_8)).split("\n", -1);
        String[] original = new String(file.content(), StandardCharsets.UTF_8).split("\n", -1);
        List<CompileMessage> violations = new ArrayList<>();
        String rule = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher ruleHeader = RULE.matcher(original[i]);
            if (ruleHeader.find()) {
                rule = ruleHeader.group(1).replaceAll("^[\"']|[\"']$", "");
            }
            String problem = violation(lines[i]);
            if (problem != null) {
                violations.add(CompileMessage.error(file.fileName(), i + 1,
                        (rule == null ? "" : "rule " + rule + ": ") + problem));
            }
        }
        return violations;
    }

    /** Violations in the DRL generated from a workbook, at the cell that produced them. */
    public static List<CompileMessage> checkTable(String fileName, GeneratedDrl drl) {
        String[] lines = code(drl.drl()).split("\n", -1);
        List<CompileMessage> violations = new ArrayList<>();
        for (int i = 0; i < lines.length && i < drl.origins().size(); i++) {
            String problem = violation(lines[i]);
            GeneratedDrl.LineOrigin origin = drl.origins().get(i);
            if (problem != null && origin.cell() != null) {
                violations.add(CompileMessage.cellError(fileName, origin.cell().sheet(), origin.cell().ref(),
                        (origin.rule() == null ? "" : "rule " + origin.rule() + ": ") + problem));
            }
        }
        return violations;
    }

    private static String violation(String code) {
        Matcher imported = IMPORT.matcher(code);
        if (imported.find()) {
            String type = imported.group(2);
            boolean allowed = ALLOWED_IMPORTS.stream().anyMatch(type::startsWith)
                    && FORBIDDEN_UTIL.stream().noneMatch(type::startsWith);
            return allowed ? null : "import of " + type + " is not allowed; rules may import io.salesrisk.facts.*, "
                    + "java.math, java.time and java.util value types";
        }
        for (Forbidden forbidden : FORBIDDEN) {
            Matcher matcher = forbidden.pattern().matcher(code);
            if (matcher.find()) {
                return "'" + matcher.group().trim() + "' is not allowed: rules may not use " + forbidden.what();
            }
        }
        return null;
    }

    /** The text with comments and string literals blanked out, line structure kept. */
    static String code(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (; i < end; i++) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' || c == '\'') {
                out.append(c);
                i++;
                while (i < text.length() && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        out.append(' ');
                        i++;
                    }
                    out.append(' ');
                    i++;
                }
                if (i < text.length() && text.charAt(i) == c) {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
