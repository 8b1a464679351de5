package io.salesrisk.contingency.catalog;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.table.DecisionTableWorkbook;
import io.salesrisk.engine.table.RuleTable;
import io.salesrisk.engine.table.SheetCell;
import io.salesrisk.engine.table.TableRow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every risk type the triggers raise ({@code .raise("TYPE", ...)}), with where: table cells and DRL lines. */
final class RaisedRiskReferences {

    /** A risk type a trigger raises, and where it is written. */
    record Reference(String riskType, CompileMessage where) {
    }

    private static final Pattern DRL_RAISE = Pattern.compile("\\.raise\\(\\s*\"([^\"]+)\"");

    private RaisedRiskReferences() {
    }

    static List<Reference> find(List<DecisionTableWorkbook> workbooks, List<RuleFile> drlFiles) {
        List<Reference> references = new ArrayList<>();
        for (DecisionTableWorkbook workbook : workbooks) {
            for (RuleTable table : workbook.tables()) {
                for (int c = 0; c < table.columns().size(); c++) {
                    if (!table.columns().get(c).template().text().contains(".raise(\"$param\"")) {
                        continue;
                    }
                    for (TableRow row : table.rows()) {
                        SheetCell cell = row.cells().get(c);
                        if (!cell.isBlank()) {
                            references.add(new Reference(cell.text(),
                                    CompileMessage.cellError(workbook.file(), cell.sheet(), cell.ref(), "")));
                        }
                    }
                }
            }
        }
        for (RuleFile file : drlFiles) {
            String[] lines = new String(file.content(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher raise = DRL_RAISE.matcher(lines[i]);
                while (raise.find()) {
                    references.add(new Reference(raise.group(1), CompileMessage.error(file.fileName(), i + 1, "")));
                }
            }
        }
        return references;
    }
}
