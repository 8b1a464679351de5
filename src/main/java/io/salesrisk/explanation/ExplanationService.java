package io.salesrisk.explanation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.decision.persistence.DecisionEntity;
import io.salesrisk.decision.persistence.DecisionRepository;
import io.salesrisk.decision.service.DecisionJson;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleDescriptor;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.engine.table.DecisionTableParser;
import io.salesrisk.engine.table.DecisionTableWorkbook;
import io.salesrisk.engine.table.RuleTable;
import io.salesrisk.engine.table.TableColumn;
import io.salesrisk.engine.table.TableRow;
import io.salesrisk.engine.table.WorkbookReader;
import io.salesrisk.facts.RuleRef;
import io.salesrisk.ruleset.service.RuleSetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Explains a stored decision with the exact rule-set version that took it: every table of that version is checked
 * row by row against the stored fact snapshot; rows that fired are shown with their thresholds, and for tables where
 * nothing fired the nearest miss tells how close the order came.
 */
@ApplicationScoped
public class ExplanationService {

    private final DecisionRepository decisions;
    private final DecisionJson json;
    private final RuleSetService ruleSets;
    private final ObjectMapper mapper;

    public ExplanationService(DecisionRepository decisions, DecisionJson json, RuleSetService ruleSets, ObjectMapper mapper) {
        this.decisions = decisions;
        this.json = json;
        this.ruleSets = ruleSets;
        this.mapper = mapper;
    }

    @Transactional
    public Explanation explain(UUID decisionId) {
        DecisionEntity decision = decisions.findByIdOptional(decisionId)
                .orElseThrow(() -> new NotFoundException(null, "decision " + decisionId + " does not exist"));
        JsonNode facts = readTree(decision.facts);
        CompiledRuleSet ruleSet = ruleSets.compiled(decision.rulesetVersion);
        Map<String, RuleRef> refs = new HashMap<>();
        for (RuleDescriptor rule : ruleSet.rules()) {
            refs.put(rule.name(), rule.ref());
        }
        List<String> fired = json.strings(decision.firedRules);
        Set<String> firedRows = new HashSet<>();
        List<Explanation.FiredRule> drlRules = new ArrayList<>();
        for (String name : fired) {
            RuleRef ref = refs.get(name);
            if (ref != null && ref.sheet() != null) {
                firedRows.add(ref.file() + "|" + ref.sheet() + "|" + ref.row());
            } else {
                drlRules.add(new Explanation.FiredRule(name, ref == null ? name : ref.source()));
            }
        }
        List<Explanation.TableExplanation> tables = new ArrayList<>();
        RuleSources sources = ruleSets.files(decision.rulesetVersion);
        for (RuleFile file : sources.ruleFiles()) {
            if (file.isWorkbook()) {
                for (RuleTable table : tables(file)) {
                    tables.add(explain(decision.rulesetVersion, file, table, facts, firedRows));
                }
            }
        }
        return new Explanation(decision.id, decision.orderId, decision.outcome, decision.rulesetVersion,
                json.reasons(decision.reasons), tables, drlRules);
    }

    private Explanation.TableExplanation explain(String version, RuleFile file, RuleTable table, JsonNode facts,
                                                 Set<String> firedRows) {
        List<Explanation.RowExplanation> matched = new ArrayList<>();
        List<Explanation.RowExplanation> all = new ArrayList<>();
        for (TableRow row : table.rows()) {
            Explanation.RowExplanation explained = row(version, file, table, row, facts);
            all.add(explained);
            if (firedRows.contains(file.fileName() + "|" + table.sheet() + "|" + row.row())) {
                matched.add(explained);
            }
        }
        if (!matched.isEmpty()) {
            String rows = matched.stream().map(r -> String.valueOf(r.row())).reduce((a, b) -> a + ", " + b).orElse("");
            return new Explanation.TableExplanation(file.fileName(), table.sheet(), table.name(), matched, null,
                    table.name() + ": row " + rows + " matched: " + matched.get(0).summary());
        }
        Explanation.RowExplanation nearest = all.stream()
                .filter(r -> r.conditions().stream().noneMatch(c -> c.satisfied() == null))
                .min(Comparator.comparingDouble(ExplanationService::distance)).orElse(null);
        String summary = nearest == null ? table.name() + ": no row matched"
                : table.name() + ": no row matched; nearest miss row " + nearest.row() + ": " + nearest.summary();
        return new Explanation.TableExplanation(file.fileName(), table.sheet(), table.name(), List.of(), nearest, summary);
    }

    private static double distance(Explanation.RowExplanation row) {
        return row.conditions().stream().mapToDouble(ConditionEvaluator::distance).sum();
    }

    private static Explanation.RowExplanation row(String version, RuleFile file, RuleTable table, TableRow row, JsonNode facts) {
        List<Explanation.ConditionCheck> checks = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            TableColumn column = table.columns().get(i);
            if (column.kind().name().equals("CONDITION")) {
                Explanation.ConditionCheck check = ConditionEvaluator.check(column, row.cells().get(i), facts);
                if (check != null) {
                    checks.add(check);
                }
            }
        }
        List<String> failed = checks.stream().filter(c -> Boolean.FALSE.equals(c.satisfied()))
                .map(c -> c.text() + ConditionEvaluator.shortBy(c)).toList();
        String summary = failed.isEmpty()
                ? checks.stream().map(Explanation.ConditionCheck::text).reduce((a, b) -> a + "; " + b).orElse("no conditions")
                : String.join("; ", failed);
        String source = file.fileName() + ", sheet " + table.sheet() + ", row " + row.row();
        String link = "/api/rulesets/" + version + "/files/" + file.path() + "#sheet=" + table.sheet() + "&row=" + row.row();
        return new Explanation.RowExplanation(row.row(), table.name() + "_" + row.row(), source, link, checks, summary);
    }

    private static List<RuleTable> tables(RuleFile file) {
        try {
            DecisionTableWorkbook workbook = DecisionTableParser.parse(file.fileName(), WorkbookReader.read(file.content()));
            return workbook.tables().stream().filter(Objects::nonNull).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private JsonNode readTree(String text) {
        try {
            // big decimals keep their scale, so 120000.00 is shown as money
            return mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored facts are not readable", e);
        }
    }
}
