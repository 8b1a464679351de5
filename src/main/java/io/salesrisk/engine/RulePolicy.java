package io.salesrisk.engine;

import io.salesrisk.engine.table.GeneratedDrl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What rule files may not do. Rules run inside the service, so a rule that exits the JVM, starts processes, uses
 * reflection, touches files or the network, starts threads or loads classes is refused before it is compiled,
 * with the rule and the line or cell named. So is a rule that might never return: loops ({@code while},
 * {@code for}, {@code do}) and functions that call themselves, directly or through each other. (A rule that is slow
 * without looping is stopped by the engine's time budget.) Comments and string literals are ignored, so a message
 * saying "Runtime error while ..." is fine; imports must come from the fact package or plain value types.
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
                    "scripting, JNDI or command execution"),
            // Java's loops, MVEL's (foreach, until) and endless streams (Stream.iterate, Stream.generate)
            forbid("\\bwhile\\s*\\(|\\bfor\\s*\\(|\\bdo\\s*\\{|\\bforeach\\s*\\(|\\buntil\\s*\\("
                    + "|\\.\\s*(iterate|generate)\\s*\\(", "loops (a loop that does not end would hold a core "
                    + "until the service restarts; write one table row or rule per case instead)"));
    private static final Pattern FUNCTION = Pattern.compile("\\bfunction\\s+[\\w.<>\\[\\], ]+?\\s+(\\w+)\\s*\\(");

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
        String code = code(new String(file.content(), StandardCharsets.UTF_8));
        String[] lines = code.split("\n", -1);
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
        for (Recursion recursion : recursions(code)) {
            violations.add(CompileMessage.error(file.fileName(), recursion.line(), recursion.message()));
        }
        return violations;
    }

    /** Violations in the DRL generated from a workbook, at the cell that produced them. */
    public static List<CompileMessage> checkTable(String fileName, GeneratedDrl drl) {
        String code = code(drl.drl());
        String[] lines = code.split("\n", -1);
        List<CompileMessage> violations = new ArrayList<>();
        for (int i = 0; i < lines.length && i < drl.origins().size(); i++) {
            String problem = violation(lines[i]);
            GeneratedDrl.LineOrigin origin = drl.origins().get(i);
            if (problem != null && origin.cell() != null) {
                violations.add(CompileMessage.cellError(fileName, origin.cell().sheet(), origin.cell().ref(),
                        (origin.rule() == null ? "" : "rule " + origin.rule() + ": ") + problem));
            }
        }
        for (Recursion recursion : recursions(code)) {
            GeneratedDrl.LineOrigin origin = drl.origin(recursion.line());
            if (origin != null && origin.cell() != null) {
                violations.add(CompileMessage.cellError(fileName, origin.cell().sheet(), origin.cell().ref(), recursion.message()));
            }
        }
        return violations;
    }

    /** A function that can call itself, at the line it is declared on. */
    record Recursion(String function, int line, String message) {
    }

    /**
     * Functions that call themselves, directly or through other functions of the same text: each function's body
     * (its braces) is searched for calls of the declared functions, and every function on a cycle is reported.
     */
    static List<Recursion> recursions(String code) {
        Map<String, Integer> declaredAt = new LinkedHashMap<>();
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher function = FUNCTION.matcher(code);
        while (function.find()) {
            int open = code.indexOf('{', function.end());
            if (open < 0) {
                continue;
            }
            int depth = 0;
            int close = open;
            for (; close < code.length(); close++) {
                char c = code.charAt(close);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            declaredAt.put(function.group(1), lineOf(code, function.start()));
            bodies.put(function.group(1), code.substring(open, Math.min(close + 1, code.length())));
        }
        Map<String, Set<String>> calls = new LinkedHashMap<>();
        bodies.forEach((name, body) -> {
            Set<String> called = new LinkedHashSet<>();
            for (String other : declaredAt.keySet()) {
                if (Pattern.compile("\\b" + Pattern.quote(other) + "\\s*\\(").matcher(body).find()) {
                    called.add(other);
                }
            }
            calls.put(name, called);
        });
        List<Recursion> found = new ArrayList<>();
        for (String name : declaredAt.keySet()) {
            List<String> path = cycleFrom(name, name, calls, new ArrayList<>(List.of(name)), new HashSet<>());
            if (path != null) {
                found.add(new Recursion(name, declaredAt.get(name), "function " + name + " calls itself ("
                        + String.join(" \u2192 ", path) + "): recursion is not allowed, a rule must finish in bounded time"));
            }
        }
        return found;
    }

    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> calls, List<String> path,
                                          Set<String> visited) {
        for (String next : calls.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (visited.add(next)) {
                path.add(next);
                List<String> cycle = cycleFrom(start, next, calls, path, visited);
                if (cycle != null) {
                    return cycle;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
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
