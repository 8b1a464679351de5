package io.salesrisk.facts;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One process KPI as measured for a scope and period, given to the KPI table ({@code decision-tables/process-kpis.xlsx}).
 * A row whose band contains the value answers with {@link #band}; the reading keeps the row that answered, so an
 * alert or the board can name it. No row answering leaves the band empty.
 *
 * @param kpi       the KPI's name, e.g. {@code DSO} (see docs/rule-authoring.md for the list)
 * @param scopeKind PORTFOLIO, SEGMENT, REGION or REP
 * @param scope     the segment, region or rep; {@code all} for the portfolio
 * @param value     the measured value in the KPI's unit (days, %, hours, count)
 * @param period    what the value covers, e.g. {@code 90 days to 2026-12-03}
 */
public class KpiReading implements RuleAware {

    /** The threshold bands: OK is within, WATCH and ALERT cross it (an alert of medium or high severity). */
    public enum Band { OK, WATCH, ALERT }

    private final String kpi;
    private final String scopeKind;
    private final String scope;
    private final BigDecimal value;
    private final String period;
    private Band band;
    private String message;
    private String rule;
    private String row;
    private RuleRef currentRule = RuleRef.system("unknown", "unknown");

    public KpiReading(String kpi, String scopeKind, String scope, BigDecimal value, String period) {
        this.kpi = kpi;
        this.scopeKind = scopeKind;
        this.scope = scope;
        this.value = value;
        this.period = period;
    }

    @Override
    public void enterRule(RuleRef rule) {
        currentRule = rule;
    }

    /** The band named in the row's cell; the message may name row cells ({Note}) and {reading.value}. */
    public void band(Band band, String message) {
        // bands are exclusive (a gap or overlap is rejected), so a second answer only happens in a hand-made table:
        // the stricter one wins
        if (this.band != null && this.band.compareTo(band) > 0) {
            return;
        }
        this.band = band;
        this.message = Placeholders.render(message, Map.of("reading", this), currentRule);
        this.rule = currentRule.name();
        this.row = currentRule.source();
    }

    public boolean isBanded() { return band != null; }
    public String getKpi() { return kpi; }
    public String getScopeKind() { return scopeKind; }
    public String getScope() { return scope; }
    public BigDecimal getValue() { return value; }
    public String getPeriod() { return period; }
    public Band getBand() { return band; }
    public String getMessage() { return message; }
    /** The rule name of the row that set the band. */
    public String getRule() { return rule; }
    /** Where that row is: file, sheet and row. */
    public String getRow() { return row; }
}
