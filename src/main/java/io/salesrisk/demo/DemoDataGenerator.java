package io.salesrisk.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates realistic, deterministic demo data: the same seed, as-of date and index always give the same customer,
 * whatever order or chunking customers are generated in, so large data sets can be generated in parallel.
 *
 * <p>Customers get a segment, region and industry; 24 months of sales with industry seasonality, a trend and
 * noise; monthly invoices paid according to a payment profile (punctual, slightly late, chronically late,
 * deteriorating); a few approved open orders. Customers buy the way B2B customers do: most every month, a quarter
 * now and then (months without sales have no row), some new accounts with a few months of history. Some customers
 * carry a planted risk: over the limit, a long overdue invoice, a sales rep granting excessive discounts, a collapse
 * of the last month's sales, a regular buyer that stopped buying one to eight months ago (churn), and as a false alarm to
 * stay silent on, a seasonal buyer in its quiet season. Industries get a monthly market index (see {@link #marketIndex}).
 */
public final class DemoDataGenerator {

    static final String[] SEGMENTS = {"ENTERPRISE", "MIDMARKET", "SMB", "PUBLIC"};
    static final String[] REGIONS = {"DACH", "Nordics", "UK & Ireland", "France & Benelux", "Southern Europe",
            "Central & Eastern Europe", "North America", "APAC"};
    static final String[] INDUSTRIES = {"Manufacturing", "Retail", "Construction", "Automotive", "Healthcare",
            "Logistics", "Food & Beverage", "Electronics", "Chemicals"};
    private static final String[] NAME_FIRST = {"Nordwind", "Alpen", "Blue Harbor", "Crest", "Delta", "Everfield",
            "Falkner", "Granite", "Helios", "Iberia", "Juniper", "Kestrel", "Lumen", "Meridian", "Northgate", "Orion",
            "Pioneer", "Quartz", "Riverside", "Summit", "Tidewater", "Unity", "Vantage", "Westbrook", "Zenith"};
    private static final String[] NAME_SECOND = {"Logistics", "Foods", "Motors", "Systems", "Retail", "Builders",
            "Health", "Components", "Chemicals", "Trading", "Industries", "Supplies", "Electronics", "Works"};
    private static final String[] LEGAL = {"GmbH", "AG", "Ltd", "SAS", "BV", "S.p.A.", "Inc.", "AB", "Sp. z o.o."};
    private static final String[] RATINGS = {"AAA", "AA", "A", "BBB", "BB", "B", "CCC"};
    private static final int[] TERMS_BY_CLASS = {60, 45, 30, 30, 14};
    static final String DISCOUNT_ABUSER = "rep-07";

    private final long seed;
    private final LocalDate asOf;
    private final int salesMonths;
    private final int invoiceMonths;

    /**
     * @param salesMonths   months of sales history (24 for the demo)
     * @param invoiceMonths months, counted back from {@code asOf}, that get one invoice each
     */
    public DemoDataGenerator(long seed, LocalDate asOf, int salesMonths, int invoiceMonths) {
        this.seed = seed;
        this.asOf = asOf;
        this.salesMonths = salesMonths;
        this.invoiceMonths = invoiceMonths;
    }

    /** The customer with this index (0-based). */
    public DemoCustomer customer(int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        String segment = pickSegment(random);
        String industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
        String region = REGIONS[random.nextInt(REGIONS.length)];
        int years = 1 + (int) Math.round(Math.pow(random.nextDouble(), 1.6) * 79);
        PaymentProfile profile = PaymentProfile.pick(random);
        String risk = plantedRisk(index);
        if ("DETERIORATING".equals(risk)) {
            profile = PaymentProfile.DETERIORATING;
        }
        int riskClassIndex = riskClass(profile, years, random);
        String riskClass = String.valueOf((char) ('A' + riskClassIndex));
        String rating = RATINGS[Math.min(RATINGS.length - 1, riskClassIndex + random.nextInt(3))];
        int terms = TERMS_BY_CLASS[riskClassIndex];

        List<DemoCustomer.MonthlySales> sales = buying(BuyingPattern.of(risk, random), random, sales(random, segment, industry));
        if ("SALES_COLLAPSE".equals(risk)) {
            DemoCustomer.MonthlySales last = sales.get(sales.size() - 1);
            sales.set(sales.size() - 1, new DemoCustomer.MonthlySales(last.month(),
                    last.amount().multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.HALF_UP)));
        }
        // per month of history (months without sales count), so an intermittent buyer's limit fits its volume
        long monthsOfHistory = java.time.temporal.ChronoUnit.MONTHS.between(sales.get(0).month(), sales.get(sales.size() - 1).month()) + 1;
        BigDecimal averageMonth = sales.stream().map(DemoCustomer.MonthlySales::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(monthsOfHistory), 2, RoundingMode.HALF_UP);
        // exposure runs at about (terms + one month) of sales, so the limit leaves 20-80 % headroom above that
        double monthsOfExposure = terms / 30.0 + 1.0;
        BigDecimal limit = roundTo(averageMonth.multiply(BigDecimal.valueOf(monthsOfExposure * (1.2 + random.nextDouble() * 0.6))), 5000);
        String id = String.format("C%06d", index + 1);
        List<DemoCustomer.Invoice> invoices = invoices(random, id, sales, terms, profile, risk);
        List<DemoCustomer.OpenOrder> orders = orders(random, id, averageMonth, terms, risk);
        if ("OVER_LIMIT".equals(risk)) {
            BigDecimal open = invoices.stream().filter(i -> i.paidDate() == null).map(DemoCustomer.Invoice::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            limit = roundTo(open.multiply(new BigDecimal("0.9")), 5000).max(new BigDecimal("5000"));
        }
        String name = NAME_FIRST[random.nextInt(NAME_FIRST.length)] + " " + NAME_SECOND[random.nextInt(NAME_SECOND.length)]
                + " " + LEGAL[random.nextInt(LEGAL.length)];
        return new DemoCustomer(id, name, segment, region, industry, years, rating, riskClass, limit.setScale(2),
                terms, sales, invoices, orders, risk);
    }

    /**
     * Every 50th customer is over its limit, every 37th has a long overdue invoice, every 29th has a rep granting
     * excessive discounts, every 23rd pays ever later, every 41st sees its last month's sales collapse, every 43rd
     * stopped buying one to eight months ago, every 31st buys only in its season (a false alarm: its quiet months are normal).
     */
    static String plantedRisk(int index) {
        if (index % 50 == 7) {
            return "OVER_LIMIT";
        }
        if (index % 37 == 5) {
            return "LONG_OVERDUE";
        }
        if (index % 29 == 3) {
            return "DISCOUNT_ABUSE";
        }
        if (index % 23 == 11) {
            return "DETERIORATING";
        }
        if (index % 41 == 13) {
            return "SALES_COLLAPSE";
        }
        if (index % 43 == 17) {
            return "CHURN";
        }
        if (index % 31 == 19) {
            return "SEASONAL_LULL";
        }
        return null;
    }

    private static String pickSegment(SplittableRandom random) {
        double p = random.nextDouble();
        return p < 0.10 ? "ENTERPRISE" : p < 0.40 ? "MIDMARKET" : p < 0.90 ? "SMB" : "PUBLIC";
    }

    private static int riskClass(PaymentProfile profile, int years, SplittableRandom random) {
        int base = switch (profile) {
            case PUNCTUAL -> 0;
            case SLIGHTLY_LATE -> 1;
            case CHRONICALLY_LATE -> 3;
            case DETERIORATING -> 2;
        };
        if (years < 3) {
            base++;
        }
        base += random.nextInt(2);
        return Math.min(4, base);
    }

    private List<DemoCustomer.MonthlySales> sales(SplittableRandom random, String segment, String industry) {
        double level = switch (segment) {
            case "ENTERPRISE" -> 150_000 + random.nextDouble() * 1_350_000;
            case "MIDMARKET" -> 40_000 + random.nextDouble() * 210_000;
            case "PUBLIC" -> 20_000 + random.nextDouble() * 280_000;
            default -> 5_000 + random.nextDouble() * 45_000;
        };
        double amplitude = switch (industry) {
            case "Retail", "Food & Beverage" -> 0.30;
            case "Construction" -> 0.35;
            default -> 0.12;
        };
        int peakMonth = switch (industry) {
            case "Retail", "Electronics" -> 11;
            case "Construction" -> 7;
            case "Food & Beverage" -> 12;
            default -> 3 + random.nextInt(8);
        };
        double trendPerYear = -0.10 + random.nextDouble() * 0.25;
        List<DemoCustomer.MonthlySales> sales = new ArrayList<>(salesMonths);
        YearMonth last = YearMonth.from(asOf).minusMonths(1);
        for (int i = salesMonths - 1; i >= 0; i--) {
            YearMonth month = last.minusMonths(i);
            double season = 1 + amplitude * Math.cos(2 * Math.PI * (month.getMonthValue() - peakMonth) / 12.0);
            double trend = 1 + trendPerYear * (salesMonths - 1 - i) / 12.0;
            double noise = 1 + (random.nextDouble() - 0.5) * 0.2;
            sales.add(new DemoCustomer.MonthlySales(month, money(level * season * trend * noise)));
        }
        return sales;
    }

    /**
     * Applies a buying pattern to a customer's monthly series: which months have sales at all. A month without sales
     * has no row, as in an ERP's sales history.
     */
    private List<DemoCustomer.MonthlySales> buying(BuyingPattern pattern, SplittableRandom random,
                                                   List<DemoCustomer.MonthlySales> monthly) {
        List<DemoCustomer.MonthlySales> kept = new ArrayList<>();
        int n = monthly.size();
        switch (pattern) {
            case INTERMITTENT -> {
                // buys in 35-70 % of the months, each purchase covering the months since the last one
                double chance = 0.35 + random.nextDouble() * 0.35;
                for (DemoCustomer.MonthlySales m : monthly) {
                    if (random.nextDouble() < chance) {
                        kept.add(new DemoCustomer.MonthlySales(m.month(), money(m.amount().doubleValue() / chance)));
                    }
                }
                if (kept.isEmpty()) {
                    kept.add(monthly.get(n - 1));
                }
            }
            case NEW -> kept.addAll(monthly.subList(n - (2 + random.nextInt(10)), n));
            // stopped 1 to 8 months ago and never came back: some had stopped before a backtest's as-of day three
            // months back (the signal can see them), the others stopped within its horizon (it cannot yet)
            case CHURNING -> kept.addAll(monthly.subList(0, n - (1 + random.nextInt(8))));
            case SEASONAL -> {
                // six months around its best month, twice the volume; nothing the rest of the year
                int best = monthly.subList(n - 12, n).stream().max(java.util.Comparator.comparing(DemoCustomer.MonthlySales::amount))
                        .orElseThrow().month().getMonthValue();
                for (DemoCustomer.MonthlySales m : monthly) {
                    int distance = Math.floorMod(m.month().getMonthValue() - best + 6, 12) - 6;
                    if (distance >= -2 && distance <= 3) {
                        kept.add(new DemoCustomer.MonthlySales(m.month(), m.amount().multiply(BigDecimal.valueOf(2))));
                    }
                }
            }
            default -> kept.addAll(monthly);
        }
        return kept;
    }

    private List<DemoCustomer.Invoice> invoices(SplittableRandom random, String customerId,
                                                List<DemoCustomer.MonthlySales> sales, int terms, PaymentProfile profile,
                                                String risk) {
        List<DemoCustomer.Invoice> invoices = new ArrayList<>(invoiceMonths + 1);
        // one invoice per month with sales, for the last invoiceMonths months
        YearMonth lastMonth = YearMonth.from(asOf).minusMonths(1);
        for (DemoCustomer.MonthlySales month : sales) {
            int monthsAgo = (int) java.time.temporal.ChronoUnit.MONTHS.between(month.month(), lastMonth);
            if (monthsAgo >= invoiceMonths) {
                continue;
            }
            LocalDate issue = month.month().atEndOfMonth();
            LocalDate due = issue.plusDays(terms);
            int delay = profile.delayDays(random, monthsAgo);
            LocalDate paid = due.plusDays(delay);
            boolean open = !paid.isBefore(asOf);
            invoices.add(new DemoCustomer.Invoice(customerId + "-I" + month.month(), issue, due, month.amount(),
                    open ? BigDecimal.ZERO.setScale(2) : month.amount(), open ? null : paid));
        }
        if ("LONG_OVERDUE".equals(risk)) {
            LocalDate issue = asOf.minusDays(150 + random.nextInt(60));
            BigDecimal amount = sales.get(sales.size() - 1).amount().multiply(new BigDecimal("0.6")).setScale(2, RoundingMode.HALF_UP);
            invoices.add(new DemoCustomer.Invoice(customerId + "-I-DISPUTED", issue, issue.plusDays(terms), amount,
                    BigDecimal.ZERO.setScale(2), null));
        }
        return invoices;
    }

    private List<DemoCustomer.OpenOrder> orders(SplittableRandom random, String customerId, BigDecimal averageMonth,
                                                int terms, String risk) {
        List<DemoCustomer.OpenOrder> orders = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            BigDecimal amount = money(averageMonth.doubleValue() * (0.2 + random.nextDouble() * 0.5));
            LocalDate ordered = asOf.minusDays(random.nextInt(20));
            boolean abusive = "DISCOUNT_ABUSE".equals(risk);
            BigDecimal discount = abusive ? BigDecimal.valueOf(28 + random.nextInt(12))
                    : BigDecimal.valueOf(random.nextInt(12));
            orders.add(new DemoCustomer.OpenOrder(customerId + "-O" + (i + 1), amount, ordered, terms, discount,
                    random.nextDouble() < 0.7, abusive ? DISCOUNT_ABUSER : "rep-" + String.format("%02d", 1 + random.nextInt(12)),
                    ordered.plusDays(10 + random.nextInt(150)), "APPROVED"));
        }
        return orders;
    }

    /**
     * The market index of an industry for a month: 100 with a gentle trend and seasonality; Construction fell by
     * about 18 % over the last year, so the demo shows a market downturn.
     */
    public BigDecimal marketIndex(String industry, YearMonth month) {
        long monthsBack = java.time.temporal.ChronoUnit.MONTHS.between(month, YearMonth.from(asOf).minusMonths(1));
        double trendPerYear = industry.equals("Construction") ? -0.18 : 0.02 + (Math.abs(industry.hashCode()) % 5) / 100.0;
        double season = 1 + 0.02 * Math.cos(2 * Math.PI * month.getMonthValue() / 12.0);
        return money(100 * (1 - trendPerYear * monthsBack / 12.0) * season);
    }

    public static List<String> industries() {
        return List.of(INDUSTRIES);
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal roundTo(BigDecimal value, int step) {
        return value.divide(BigDecimal.valueOf(step), 0, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(step));
    }

    /** Which months a customer buys in. Customers with a planted risk buy every month unless the risk is their pattern. */
    enum BuyingPattern {
        REGULAR, INTERMITTENT, NEW, CHURNING, SEASONAL;

        static BuyingPattern of(String risk, SplittableRandom random) {
            double p = random.nextDouble();
            if ("CHURN".equals(risk)) {
                return CHURNING;
            }
            if ("SEASONAL_LULL".equals(risk)) {
                return SEASONAL;
            }
            if (risk != null) {
                return REGULAR;
            }
            return p < 0.05 ? NEW : p < 0.30 ? INTERMITTENT : REGULAR;
        }
    }

    /** How a customer pays: days after the due date, possibly getting worse in recent months. */
    enum PaymentProfile {
        PUNCTUAL, SLIGHTLY_LATE, CHRONICALLY_LATE, DETERIORATING;

        static PaymentProfile pick(SplittableRandom random) {
            double p = random.nextDouble();
            return p < 0.55 ? PUNCTUAL : p < 0.80 ? SLIGHTLY_LATE : p < 0.92 ? CHRONICALLY_LATE : DETERIORATING;
        }

        int delayDays(SplittableRandom random, int monthsAgo) {
            return switch (this) {
                case PUNCTUAL -> random.nextInt(7) - 4;
                case SLIGHTLY_LATE -> 3 + random.nextInt(18);
                case CHRONICALLY_LATE -> 20 + random.nextInt(50);
                case DETERIORATING -> monthsAgo > 6 ? random.nextInt(5) - 2 : 10 + (6 - monthsAgo) * 8 + random.nextInt(10);
            };
        }
    }
}
