package io.salesrisk.engine.table;

import io.salesrisk.engine.CompileMessage;

import java.util.List;
import java.util.Map;

/**
 * A parsed decision-table workbook: the RuleSet header and every RuleTable, plus what the parser noticed.
 *
 * @param file        file name for messages
 * @param packageName the RuleSet value, the DRL package of the generated rules
 * @param properties  RuleSet properties (Import, Functions, Sequential, ...) with their cells
 * @param tables      every RuleTable in sheet order
 * @param messages    errors and warnings, each at a sheet and cell
 * @param sheets      every sheet as read, for the reference sheets that are not rule tables (risk register, ...)
 */
public record DecisionTableWorkbook(String file, String packageName, Map<String, SheetCell> properties,
                                    List<RuleTable> tables, List<CompileMessage> messages, List<SheetGrid> sheets) {

    /** Reads and parses a workbook: the one way every feature reads a decision table from its bytes. */
    public static DecisionTableWorkbook read(String file, byte[] content) throws java.io.IOException {
        return DecisionTableParser.parse(file, WorkbookReader.read(content));
    }

    public boolean hasErrors() {
        return messages.stream().anyMatch(m -> m.level() == CompileMessage.Level.ERROR);
    }
}
