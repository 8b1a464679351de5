package io.salesrisk.explanation.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesrisk.engine.table.CellValues;
import io.salesrisk.engine.table.ColumnMeaning;
import io.salesrisk.engine.table.SheetCell;
import io.salesrisk.engine.table.TableColumn;
import io.salesrisk.facts.MessageTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one decision-table condition against a stored fact snapshot, for the explanation. It reads the same
 * condition shapes the table analysis does (==, forall, >, >=, <, <=, a bare field); anything else is reported as
 * not readable rather than guessed.
 */
final class ConditionEvaluator {

    private static final Pattern BINDING = Pattern.compile("^(?:\\w+\\s*:\\s*)?([\\w.]+)\\s*$");
    /** Where each fact type sits in the stored snapshot. */
    private static final Map<String, String> ROOTS = Map.of("OrderCheck", "", "Customer", "customer", "Order", "order",
            "CreditExposure", "exposure", "PaymentBehaviour", "payment");

    private ConditionEvaluator() {
    }

    /** The check, or null when the cell is empty (the condition does not apply to the row). */
    static Explanation.ConditionCheck check(TableColumn column, SheetCell cell, JsonNode facts) {
        if (cell.isBlank()) {
            return null;
        }
        String label = column.label().isBlank() ? column.header().ref() : column.label().text();
        String root = root(column.objectType().text());
        ColumnMeaning meaning = ColumnMeaning.of(column);
        if (meaning == null || meaning.kind() == ColumnMeaning.Kind.OPAQUE) {
            String template = column.template().text().trim();
            return new Explanation.ConditionCheck(label, cell.ref(), null, null, cell.text(), null, null,
                    template.replace("$param", cell.text()) + " (" + label + "): not read by the explanation");
        }
        String field = meaning.field();
        String operator = meaning.operator();
        String path = root == null ? null : (root.isEmpty() ? field : root + "." + field);
        JsonNode value = path == null ? null : at(facts, path);
        if (value == null || value.isMissingNode() || value.isNull()) {
            return new Explanation.ConditionCheck(label, cell.ref(), path == null ? field : path, operator, cell.text(),
                    null, null, field + " is not in the stored facts");
        }
        String input = value.isNumber() ? MessageTemplate.format(value.decimalValue()) : value.asText();
        List<String> options = operator.equals("in") ? CellValues.values(cell.text()) : List.of(CellValues.unquote(cell.text()));
        Boolean satisfied = switch (operator) {
            case "==", "in" -> options.stream().anyMatch(option -> equal(value, option));
            default -> compare(value, cell.text(), operator);
        };
        String threshold = String.join(", ", options.stream().map(ConditionEvaluator::readable).toList());
        boolean failed = Boolean.FALSE.equals(satisfied);
        String text = switch (operator) {
            case "==", "in" -> path + " " + input + (failed ? " is not " : " is ")
                    + (options.size() > 1 ? "one of " : "") + threshold;
            default -> path + " " + input + " " + (failed ? "is not " : "") + operator + " " + threshold;
        } + " (" + label + ")";
        return new Explanation.ConditionCheck(label, cell.ref(), path, operator, cell.text(), input, satisfied, text);
    }

    /** A threshold as people read it: 75,000 rather than 75000; text without quotes. */
    private static String readable(String cell) {
        BigDecimal number = CellValues.number(cell);
        return number != null && !cell.contains("%") ? MessageTemplate.format(number) : CellValues.unquote(cell);
    }

    /** How far a failed numeric condition is from holding, relative to the threshold (0 when not numeric). */
    static double distance(Explanation.ConditionCheck check) {
        if (check.input() == null || !Boolean.FALSE.equals(check.satisfied()) || check.operator().equals("==")
                || check.operator().equals("in")) {
            return Boolean.FALSE.equals(check.satisfied()) ? 1_000_000 : 0;
        }
        BigDecimal input = CellValues.number(check.input());
        BigDecimal threshold = CellValues.number(check.threshold());
        if (input == null || threshold == null) {
            return 1_000_000;
        }
        BigDecimal gap = input.subtract(threshold).abs();
        return gap.divide(threshold.abs().max(BigDecimal.ONE), 6, RoundingMode.HALF_UP).doubleValue();
    }

    /** "short by 125,000.00" for a failed numeric condition. */
    static String shortBy(Explanation.ConditionCheck check) {
        BigDecimal input = CellValues.number(check.input());
        BigDecimal threshold = CellValues.number(check.threshold());
        if (input == null || threshold == null || input.compareTo(threshold) == 0) {
            // no distance to tell: at the threshold, or a figure that stops at it (an amount over the limit is 0.00
            // for every order below the limit, however far below)
            return "";
        }
        return ", " + MessageTemplate.format(input.subtract(threshold).abs().setScale(Math.max(0, input.scale()), RoundingMode.HALF_UP))
                + (check.operator().startsWith(">") ? " short" : " over");
    }

    private static String root(String objectType) {
        if (objectType == null || objectType.isBlank()) {
            return null;
        }
        Matcher binding = BINDING.matcher(objectType.trim());
        if (!binding.matches()) {
            return null;
        }
        String type = binding.group(1);
        return ROOTS.get(type.substring(type.lastIndexOf('.') + 1));
    }

    private static JsonNode at(JsonNode facts, String path) {
        JsonNode node = facts;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static boolean equal(JsonNode value, String expected) {
        if (value.isNumber()) {
            BigDecimal number = CellValues.number(expected);
            return number != null && value.decimalValue().compareTo(number) == 0;
        }
        return value.asText().trim().equals(expected.trim());
    }

    private static Boolean compare(JsonNode value, String cell, String operator) {
        BigDecimal threshold = CellValues.number(cell);
        if (!value.isNumber() || threshold == null) {
            return null;
        }
        int c = value.decimalValue().compareTo(threshold);
        return switch (operator) {
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "<" -> c < 0;
            default -> c <= 0;
        };
    }
}
