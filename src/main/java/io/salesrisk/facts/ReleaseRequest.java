package io.salesrisk.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An officer asking to release a held order, given to the release-authority table
 * ({@code decision-tables/release-authority.xlsx}). Its rows answer with {@link #allow}, {@link #needsSecondApproval}
 * or {@link #refuse}; of the rows that fire, the strictest answer wins (refuse over second approval over allow), and
 * no row at all is a refusal. Every answer keeps the row it came from, so a refusal can name it.
 *
 * @param approvals releases already given for this hold (1 when a second officer confirms a pending one)
 */
public class ReleaseRequest implements RuleAware {

    /** What the authority table says, strictest last. */
    public enum Answer { ALLOW, SECOND_APPROVAL, REFUSE }

    /** One row's answer. */
    public record RowAnswer(Answer answer, String rule, String source, String message) {
    }

    private final Outcome outcome;
    private final BigDecimal amount;
    private final BigDecimal amountOverLimit;
    private final String riskClass;
    private final String segment;
    private final int officerLevel;
    private final int approvals;
    private final List<RowAnswer> answers = new ArrayList<>();
    private RuleRef currentRule = RuleRef.system("unknown", "unknown");

    public ReleaseRequest(Outcome outcome, BigDecimal amount, BigDecimal amountOverLimit, String riskClass, String segment,
                          int officerLevel, int approvals) {
        this.outcome = outcome;
        this.amount = amount;
        this.amountOverLimit = amountOverLimit;
        this.riskClass = riskClass;
        this.segment = segment;
        this.officerLevel = officerLevel;
        this.approvals = approvals;
    }

    @Override
    public void enterRule(RuleRef rule) {
        currentRule = rule;
    }

    public void allow(String message) {
        answer(Answer.ALLOW, message);
    }

    public void needsSecondApproval(String message) {
        answer(Answer.SECOND_APPROVAL, message);
    }

    public void refuse(String message) {
        answer(Answer.REFUSE, message);
    }

    /** The answer named in a table cell (ALLOW, SECOND_APPROVAL, REFUSE); the message may name row cells. */
    public void answer(Answer answer, String message) {
        // fills the row's labels ({Note}) and {request.…}, like every rule message
        answers.add(new RowAnswer(answer, currentRule.name(), currentRule.source(),
                Placeholders.render(message, Map.of("request", this), currentRule)));
    }

    /** The strictest answer of the rows that fired, or empty when none did. */
    public Optional<RowAnswer> verdict() {
        return answers.stream().max(Comparator.comparing(RowAnswer::answer));
    }

    public List<RowAnswer> getAnswers() { return List.copyOf(answers); }
    public Outcome getOutcome() { return outcome; }
    public BigDecimal getAmount() { return amount; }
    public BigDecimal getAmountOverLimit() { return amountOverLimit; }
    public String getRiskClass() { return riskClass; }
    public String getSegment() { return segment; }
    public int getOfficerLevel() { return officerLevel; }
    public int getApprovals() { return approvals; }
}
