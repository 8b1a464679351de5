package io.salesrisk.spark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import io.salesrisk.reevaluation.run.RunConstants;
import io.salesrisk.reevaluation.run.RunScope;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the job reads of a run on the driver: the run as the service stored it, and its chunks still to stage. */
final class RunInput {

    /** The service stores dates as ISO strings; Spark's classpath has Jackson but not its java.time module. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addDeserializer(LocalDate.class, new JsonDeserializer<>() {
                @Override
                public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws java.io.IOException {
                    return LocalDate.parse(parser.getValueAsString());
                }
            }))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The run's fixed inputs as stored (JSON), with its rule set's version and content hash. */
    record Stored(String status, String executor, String rulesetVersion, String contentHash, String scopeJson,
                  String constantsJson, int total, int chunks, int maxFirings) implements Serializable {

        RunScope scope() {
            try {
                JsonNode scope = JSON.readTree(scopeJson);
                String value = scope.hasNonNull("value") ? scope.get("value").asText() : null;
                // a listed scope's ids stay in reevaluation_scope_ids, where the profile query reads them
                return new RunScope(RunScope.Kind.valueOf(scope.get("kind").asText()), value, List.of());
            } catch (Exception e) {
                throw new IllegalStateException("the run's scope cannot be read: " + scopeJson, e);
            }
        }

        RunConstants constants() {
            try {
                return JSON.readValue(constantsJson, RunConstants.class);
            } catch (Exception e) {
                throw new IllegalStateException("the run's constants cannot be read: " + e.getMessage(), e);
            }
        }
    }

    /** A chunk still to assess. */
    record Chunk(int chunkNo, String firstId, String lastId, int size) {
    }

    private RunInput() {
    }

    static Stored read(Connection connection, UUID runId, int maxFirings) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT r.status, r.executor, r.ruleset_version, "
                + "s.content_hash, CAST(r.scope AS VARCHAR) AS scope, CAST(r.constants AS VARCHAR) AS constants, r.total, r.chunks "
                + "FROM reevaluation_runs r JOIN rule_sets s ON s.version = r.ruleset_version WHERE r.id = ?")) {
            select.setObject(1, runId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("run " + runId + " does not exist in " + connection.getMetaData().getURL());
                }
                return new Stored(row.getString("status"), row.getString("executor"), row.getString("ruleset_version"),
                        row.getString("content_hash"), row.getString("scope"), row.getString("constants"),
                        row.getInt("total"), row.getInt("chunks"), maxFirings);
            }
        }
    }

    /** The run's chunks that no task has staged yet and the service has not given up or cancelled. */
    static List<Chunk> chunksToStage(Connection connection, UUID runId) throws SQLException {
        List<Chunk> chunks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT chunk_no, first_id, last_id, size "
                + "FROM reevaluation_chunks WHERE run_id = ? AND staged_at IS NULL AND status = 'PENDING' ORDER BY chunk_no")) {
            select.setObject(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    chunks.add(new Chunk(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getInt(4)));
                }
            }
        }
        return chunks;
    }
}
