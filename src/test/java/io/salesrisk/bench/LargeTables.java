package io.salesrisk.bench;

import io.salesrisk.testsupport.WorkbookBuilder;

/** Generated decision tables of any size, shaped like the shipped ones (for compile-time benchmarks and tests). */
public final class LargeTables {

    private LargeTables() {
    }

    /** One table with {@code rows} rows: segment x class x amount band, each with its own threshold and reaction. */
    public static byte[] workbook(int rows) {
        return workbook(rows, null);
    }

    /** The same with a RuleSet "Dialect" property (java or mvel), or none when null. */
    public static byte[] workbook(int rows, String dialect) {
        WorkbookBuilder workbook = new WorkbookBuilder();
        WorkbookBuilder.SheetBuilder sheet = workbook.sheet("Generated")
                .ruleSet("io.salesrisk.rules", "io.salesrisk.facts.*", "generated table of " + rows + " rows");
        if (dialect != null) {
            sheet.cell("B4", "Dialect").cell("C4", dialect);
        }
        WorkbookBuilder.TableBuilder table = sheet
                .table(6, "GeneratedCheck")
                .condition("check: OrderCheck", "customer.segment == \"$param\"", "Segment")
                .condition("check: OrderCheck", "customer.riskClass == \"$param\"", "Risk class")
                .condition("check: OrderCheck", "order.amount > $param", "Amount above")
                .condition("check: OrderCheck", "order.amount <= $param", "Amount up to")
                .condition("check: OrderCheck", "order.discountPercent > $param", "Discount above")
                .action("check.react(Outcome.$param, \"order {order.amount} in band {Amount above}-{Amount up to} with discount above {Discount above}%\");", "Reaction")
                .header();
        String[] segments = {"ENTERPRISE", "MIDMARKET", "SMB", "PUBLIC"};
        for (int i = 0; i < rows; i++) {
            int band = i / 20;
            table.row(segments[i % 4], String.valueOf((char) ('A' + (i / 4) % 5)), band * 10_000, (band + 1) * 10_000,
                    5 + i % 17, i % 3 == 0 ? "BLOCK" : "REVIEW");
        }
        table.end().done();
        return workbook.bytes();
    }
}
