package io.salesrisk.explanation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.decision.service.DecisionRecord;
import io.salesrisk.decision.service.DecisionService;
import io.salesrisk.ruleset.service.RuleSetService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Explains a stored decision with the exact rule-set version that took it (see {@link Explainer}). */
@ApplicationScoped
public class ExplanationService {

    private final DecisionService decisions;
    private final RuleSetService ruleSets;
    private final ObjectReader factsReader;
    private final ObjectMapper mapper;

    public ExplanationService(DecisionService decisions, RuleSetService ruleSets, ObjectMapper mapper) {
        this.decisions = decisions;
        this.ruleSets = ruleSets;
        this.mapper = mapper;
        // big decimals keep their scale, so 120000.00 is shown as money
        this.factsReader = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    private JsonNode tree(DecisionRecord decision) {
        try {
            return factsReader.readTree(mapper.writeValueAsString(decision.facts()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the facts of decision " + decision.id() + " are not readable", e);
        }
    }

    public Explanation explain(UUID decisionId) {
        DecisionRecord decision = decisions.find(decisionId)
                .orElseThrow(() -> new NotFoundException(null, "decision " + decisionId + " does not exist"));
        return Explainer.explain(new Explainer.Subject(decision.id(), decision.orderId(), decision.outcome(),
                decision.reasons(), tree(decision), decision.firedRules()), ruleSets.compiled(decision.rulesetVersion()));
    }
}
