package io.salesrisk.testsupport;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleRun;
import io.salesrisk.facts.Assessment;
import io.salesrisk.facts.Classification;
import io.salesrisk.facts.CustomerProfile;
import io.salesrisk.facts.MarketFigures;
import io.salesrisk.facts.PortfolioFigures;
import io.salesrisk.facts.RaisedRisks;
import io.salesrisk.facts.RuleAware;
import io.salesrisk.facts.Scorecard;
import io.salesrisk.facts.SegmentFigures;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;

/**
 * One re-evaluation rule phase over a quiet profile (class A, SMB, Manufacturing, nothing unusual) or quiet
 * portfolio figures, changed with {@code key=value} pairs: {@code fact=card|classification|assessment} runs the
 * scorecard, classification or assessment phase on a {@link CustomerProfile}; {@code fact=portfolio|segment|market}
 * runs the contingency triggers on those figures. Other keys set the property of that name.
 */
public final class ProfileScenario {

    private String fact = "assessment";
    private final CustomerProfile profile = quietProfile();
    private final RaisedRisks raised = new RaisedRisks();
    private final PortfolioFigures portfolio = new PortfolioFigures(raised);
    private final SegmentFigures segment = new SegmentFigures(raised);
    private final MarketFigures market = new MarketFigures(raised);

    public ProfileScenario given(String overrides) {
        for (String pair : overrides.trim().split("\\s+")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("fact")) {
                fact = kv[1];
            }
        }
        segment.setSegment("SMB");
        market.setIndustry("Manufacturing");
        for (String pair : overrides.trim().split("\\s+")) {
            String[] kv = pair.split("=", 2);
            if (!kv[0].equals("fact")) {
                set(target(), kv[0], kv[1]);
            }
        }
        return this;
    }

    /** Runs the phase and returns the rules that fired. */
    public RuleRun run(CompiledRuleSet rules) {
        return switch (fact) {
            case "card" -> run(rules, new Scorecard(profile));
            case "classification" -> run(rules, new Classification(profile));
            case "assessment" -> run(rules, new Assessment(profile));
            case "portfolio", "segment", "market" -> rules.run(List.of(target()), raised);
            default -> throw new IllegalArgumentException("unknown fact " + fact);
        };
    }

    private static RuleRun run(CompiledRuleSet rules, Object result) {
        return rules.run(List.of(result), (RuleAware) result);
    }

    private Object target() {
        return switch (fact) {
            case "portfolio" -> portfolio;
            case "segment" -> segment;
            case "market" -> market;
            default -> profile;
        };
    }

    public static CustomerProfile quietProfile() {
        CustomerProfile p = new CustomerProfile();
        p.setCustomerId("C-PROFILE");
        p.setSegment("SMB");
        p.setRegion("DACH");
        p.setIndustry("Manufacturing");
        p.setYearsInBusiness(12);
        p.setExternalRating("A");
        p.setPreviousRiskClass("A");
        p.setRiskClass("A");
        p.setPreviousCreditLimit(new BigDecimal("100000.00"));
        p.setPreviousPaymentTermsDays(30);
        p.setSales12m(new BigDecimal("600000.00"));
        p.setLast3MonthsSales(new BigDecimal("150000.00"));
        p.setSameMonthsLastYearSales(new BigDecimal("150000.00"));
        p.setMonthsOfHistory(24);
        p.setAccountAgeMonths(24);
        p.setPurchaseMonths(24);
        return p;
    }

    private static void set(Object target, String property, String value) {
        String setter = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method method : target.getClass().getMethods()) {
            if (!method.getName().equals(setter) || method.getParameterCount() != 1) {
                continue;
            }
            Class<?> type = method.getParameterTypes()[0];
            Object converted = type == BigDecimal.class ? new BigDecimal(value)
                    : type == int.class || type == Integer.class ? Integer.valueOf(value)
                    : type == boolean.class ? Boolean.valueOf(value)
                    : value;
            try {
                method.invoke(target, converted);
                return;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no property " + property + " on " + target.getClass().getSimpleName());
    }
}
