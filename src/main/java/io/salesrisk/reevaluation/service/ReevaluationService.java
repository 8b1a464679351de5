package io.salesrisk.reevaluation.service;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.Ids;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.exposure.CreditConfig;
import io.salesrisk.reevaluation.config.ReevaluationConfig;
import io.salesrisk.reevaluation.profile.ProfileQuery;
import io.salesrisk.reevaluation.profile.ProfileWindow;
import io.salesrisk.reevaluation.run.ChunkBounds;
import io.salesrisk.reevaluation.run.RunConstants;
import io.salesrisk.reevaluation.run.RunRecord;
import io.salesrisk.reevaluation.run.RunScope;
import io.salesrisk.reevaluation.run.RunStore;
import io.salesrisk.reevaluation.run.RunWorkers;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Starts re-evaluation runs: fixes the run's constants (as-of day, rule-set version, portfolio sales, market indices,
 * limit policy), cuts the scope's customers into chunks by id and stores it all in one transaction; the workers of
 * every instance then share the chunks.
 */
@ApplicationScoped
public class ReevaluationService {

    /** Unknown ids listed in the error of a run over a list of customers. */
    private static final int UNKNOWN_IDS_SHOWN = 20;

    private final AgroalDataSource dataSource;
    private final RunStore runs;
    private final RunWorkers workers;
    private final ActiveRuleSet activeRuleSet;
    private final ReevaluationConfig config;
    private final CreditConfig creditConfig;
    private final Clock clock;

    public ReevaluationService(AgroalDataSource dataSource, RunStore runs, RunWorkers workers, ActiveRuleSet activeRuleSet,
                               ReevaluationConfig config, CreditConfig creditConfig, Clock clock) {
        this.dataSource = dataSource;
        this.runs = runs;
        this.workers = workers;
        this.activeRuleSet = activeRuleSet;
        this.config = config;
        this.creditConfig = creditConfig;
        this.clock = clock;
    }

    /**
     * Starts a run.
     *
     * @param asOf        the day the figures are taken on; null for today
     * @param trigger     API or SCHEDULE
     * @param scheduleKey null for runs requested through the API
     * @throws RunStore.DuplicateRunException when a run of the same scope is in progress
     */
    public RunRecord start(RunScope scope, LocalDate asOf, String trigger, String requestedBy, String scheduleKey) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = asOf == null ? today : asOf;
        if (day.isAfter(today)) {
            throw InvalidInputException.field("asOf", "asOf " + day + " is in the future; runs look at figures up to today");
        }
        String version = activeRuleSet.current().version();
        try (Connection connection = dataSource.getConnection()) {
            if (scope.kind() == RunScope.Kind.CUSTOMERS) {
                requireKnown(connection, scope.customerIds());
            }
            RunConstants constants = constants(connection, day);
            List<ChunkBounds> chunks = chunks(connection, scope);
            if (chunks.isEmpty() && scope.kind() != RunScope.Kind.ALL) {
                String field = scope.kind() == RunScope.Kind.SEGMENT ? "segment" : "region";
                throw InvalidInputException.field(field, "no customers in " + field + " " + scope.value());
            }
            int total = chunks.stream().mapToInt(ChunkBounds::size).sum();
            RunRecord run = new RunRecord(Ids.timeOrdered(), scope, "RUNNING", trigger, requestedBy, day, version, constants,
                    total, chunks.size(), OffsetDateTime.now(clock), null, null);
            runs.create(run, chunks, scheduleKey);
            workers.wake();
            return run;
        } catch (SQLException e) {
            throw new IllegalStateException("starting a re-evaluation run failed: " + e.getMessage(), e);
        }
    }

    private RunConstants constants(Connection connection, LocalDate asOf) throws SQLException {
        ProfileWindow window = new ProfileWindow(asOf, creditConfig.exposureHorizonDays());
        BigDecimal totalSales;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(SUM(amount), 0) FROM sales_history WHERE sales_month >= ? AND sales_month <= ?")) {
            select.setDate(1, Date.valueOf(window.month(12)));
            select.setDate(2, Date.valueOf(window.month(1)));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                totalSales = row.getBigDecimal(1);
            }
        }
        return new RunConstants(asOf, totalSales, marketIndices(connection, asOf), config.autoIncreasePercent(),
                config.limitRounding(), creditConfig.exposureHorizonDays());
    }

    /** Each industry's latest index month up to the as-of day, against the same month a year before. */
    private static Map<String, RunConstants.IndustryIndex> marketIndices(Connection connection, LocalDate asOf) throws SQLException {
        Map<String, RunConstants.IndustryIndex> indices = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT m.industry, m.index_month, m.index_value, "
                + "y.index_value FROM market_index m LEFT JOIN market_index y ON y.industry = m.industry "
                + "AND y.index_month = m.index_month - INTERVAL '1' YEAR "
                + "WHERE m.index_month = (SELECT MAX(l.index_month) FROM market_index l WHERE l.industry = m.industry "
                + "AND l.index_month <= ?)")) {
            select.setDate(1, Date.valueOf(asOf));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    BigDecimal latest = row.getBigDecimal(3);
                    BigDecimal yearBefore = row.getBigDecimal(4);
                    BigDecimal drop = yearBefore == null ? BigDecimal.ZERO : ProfileQuery.drop(latest, yearBefore);
                    indices.put(row.getString(1), new RunConstants.IndustryIndex(row.getDate(2).toLocalDate(), latest,
                            yearBefore, drop));
                }
            }
        }
        return indices;
    }

    /** Cuts the scope's customer ids, in order, into chunks of the configured size; reads ids only. */
    private List<ChunkBounds> chunks(Connection connection, RunScope scope) throws SQLException {
        // the database orders the ids: chunk ranges must follow its collation, which may differ from Java's
        String where = switch (scope.kind()) {
            case ALL -> "";
            case SEGMENT -> " WHERE segment = ?";
            case REGION -> " WHERE region = ?";
            case CUSTOMERS -> " WHERE id = ANY (?)";
        };
        List<ChunkBounds> chunks = new ArrayList<>();
        int size = Math.max(1, config.chunkSize());
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM customers" + where + " ORDER BY id")) {
            if (scope.kind() == RunScope.Kind.CUSTOMERS) {
                select.setArray(1, connection.createArrayOf("VARCHAR", scope.customerIds().toArray()));
            } else if (scope.value() != null) {
                select.setString(1, scope.value());
            }
            select.setFetchSize(10_000);
            try (ResultSet row = select.executeQuery()) {
                String first = null;
                String last = null;
                int count = 0;
                while (row.next()) {
                    last = row.getString(1);
                    if (count == 0) {
                        first = last;
                    }
                    if (++count == size) {
                        chunks.add(new ChunkBounds(first, last, count));
                        count = 0;
                    }
                }
                if (count > 0) {
                    chunks.add(new ChunkBounds(first, last, count));
                }
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(autoCommit);
        }
        return chunks;
    }

    private static void requireKnown(Connection connection, List<String> ids) throws SQLException {
        Set<String> known = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM customers WHERE id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("VARCHAR", ids.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    known.add(row.getString(1));
                }
            }
        }
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            List<ProblemDetail> errors = unknown.stream().limit(UNKNOWN_IDS_SHOWN)
                    .map(id -> new ProblemDetail("customerIds", null, null, null, null, id, "unknown customer " + id))
                    .toList();
            throw new InvalidInputException(unknown.size() + " unknown customer id(s)", errors);
        }
    }
}
