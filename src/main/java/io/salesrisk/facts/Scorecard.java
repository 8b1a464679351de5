package io.salesrisk.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result fact of the first phase of a customer assessment: every scorecard row that matches adds its points
 * for one factor. The score is the sum, kept within 0 and 100.
 */
public class Scorecard extends ProfileRuleResult {

    /** Points one factor gave, and why. */
    public record Points(String factor, int points, ProfileFinding finding) {
    }

    private final List<Points> points = new ArrayList<>();

    public Scorecard(CustomerProfile profile) {
        super(profile);
    }

    /** Adds points for a factor; the message may use placeholders such as {profile.onTimePercent}. */
    public void add(String factor, int value, String message) {
        points.add(new Points(factor, value, record(factor, message)));
    }

    /** The score: the sum of all points, within 0 and 100. */
    public int getScore() {
        int sum = 0;
        for (Points p : points) {
            sum += p.points();
        }
        return Math.max(0, Math.min(100, sum));
    }

    public List<Points> getPoints() {
        return Collections.unmodifiableList(points);
    }
}
