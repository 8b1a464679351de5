package io.salesrisk.ruleset.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.ruleset.scenario.ScenarioResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Rule-set versions in the service's database: the one writer of {@code rule_sets}, {@code rule_set_files},
 * {@code rule_set_events} and {@code rule_set_state}, through Panache. Several instances share it; the state row's
 * lock serialises activations among them.
 */
@ApplicationScoped
public class PanacheRuleSetStore implements RuleSetStore {

    private static final TypeReference<List<CompileMessage>> MESSAGES = new TypeReference<>() { };
    private static final TypeReference<List<ScenarioResult>> SCENARIOS = new TypeReference<>() { };
    private static final int DETAIL = 2000;

    private final JsonText json;

    public PanacheRuleSetStore(JsonText json) {
        this.json = json;
    }

    @Override
    @Transactional
    public Optional<RuleSetRecord> find(String version) {
        return RuleSetEntity.<RuleSetEntity>findByIdOptional(version).map(this::record);
    }

    @Override
    @Transactional
    public List<RuleSetRecord> list() {
        return RuleSetEntity.<RuleSetEntity>list("order by createdAt desc, version").stream().map(this::record).toList();
    }

    @Override
    @Transactional
    public void insert(RuleSetRecord r, RuleSources files) {
        RuleSetEntity entity = new RuleSetEntity();
        entity.version = r.version();
        entity.contentHash = r.contentHash();
        entity.status = r.status();
        entity.origin = r.origin();
        entity.author = r.author();
        entity.createdAt = r.createdAt();
        entity.ruleCount = r.ruleCount();
        entity.messages = json.write(r.messages());
        entity.scenarioResults = json.write(r.scenarioResults());
        entity.scenariosPassed = r.scenariosPassed();
        entity.approvedBy = r.approvedBy();
        entity.approvedAt = r.approvedAt();
        entity.activatedAt = r.activatedAt();
        entity.note = r.note();
        entity.persist();
        for (RuleFile f : files.files()) {
            RuleSetFileEntity file = new RuleSetFileEntity();
            file.version = r.version();
            file.path = f.path();
            file.sha256 = sha256(f.content());
            file.content = f.content();
            file.persist();
        }
        event(r.version(), r.status() == RuleSetStatus.REJECTED ? "REJECTED" : "REGISTERED", r.author(), r.createdAt(),
                null, r.origin() + (r.note() == null ? "" : ": " + r.note()));
        // flush here, so a version registered at the same moment elsewhere fails this call, not a later one
        RuleSetEntity.flush();
    }

    @Override
    @Transactional
    public RuleSources files(String version) {
        return new RuleSources(RuleSetFileEntity.<RuleSetFileEntity>list("version = ?1 order by path", version).stream()
                .map(f -> new RuleFile(f.path, f.content)).toList());
    }

    @Override
    @Transactional
    public Optional<String> activeVersion() {
        RuleSetStateEntity state = RuleSetStateEntity.findById(RuleSetStateEntity.ID);
        return state == null ? Optional.empty() : Optional.ofNullable(state.activeVersion);
    }

    @Override
    @Transactional
    public boolean approve(String version, String approver, OffsetDateTime at) {
        RuleSetEntity entity = RuleSetEntity.findById(version, LockModeType.PESSIMISTIC_WRITE);
        if (entity.approvedBy != null) {
            return false;
        }
        entity.approvedBy = approver;
        entity.approvedAt = at;
        event(version, "APPROVED", approver, at, null, null);
        return true;
    }

    @Override
    @Transactional
    public Optional<String> activate(String version, String actor, OffsetDateTime at) {
        // the state row is the lock that serialises activations across instances
        RuleSetStateEntity state = RuleSetStateEntity.findById(RuleSetStateEntity.ID, LockModeType.PESSIMISTIC_WRITE);
        String previous = state.activeVersion;
        if (previous != null && !previous.equals(version)) {
            RuleSetEntity.<RuleSetEntity>findById(previous).status = RuleSetStatus.RETIRED;
            event(previous, "RETIRED", actor, at, null, "replaced by " + version);
        }
        RuleSetEntity activated = RuleSetEntity.findById(version);
        activated.status = RuleSetStatus.ACTIVE;
        activated.activatedAt = at;
        state.activeVersion = version;
        state.changedAt = at;
        state.changedBy = actor;
        event(version, "ACTIVATED", actor, at, previous, null);
        return Optional.ofNullable(previous);
    }

    @Override
    @Transactional
    public List<RuleSetEvent> events(String version) {
        return RuleSetEventEntity.<RuleSetEventEntity>list("version = ?1 order by occurredAt, id", version).stream()
                .map(e -> new RuleSetEvent(e.version, e.action, e.actor, e.occurredAt, e.previousVersion, e.detail)).toList();
    }

    @Override
    @Transactional
    public List<RuleSetEvent> activations(int limit) {
        return RuleSetEventEntity.<RuleSetEventEntity>find("action = ?1 order by occurredAt desc, id desc", "ACTIVATED")
                .range(0, Math.max(0, limit - 1)).list().stream()
                .map(e -> new RuleSetEvent(e.version, e.action, e.actor, e.occurredAt, e.previousVersion, e.detail)).toList();
    }

    private static void event(String version, String action, String actor, OffsetDateTime at, String previous, String detail) {
        RuleSetEventEntity event = new RuleSetEventEntity();
        event.version = version;
        event.action = action;
        event.actor = actor;
        event.occurredAt = at;
        event.previousVersion = previous;
        event.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), DETAIL));
        event.persist();
    }

    private RuleSetRecord record(RuleSetEntity e) {
        return new RuleSetRecord(e.version, e.contentHash, e.status, e.origin, e.author, e.createdAt, e.ruleCount,
                json.read(e.messages, MESSAGES), json.read(e.scenarioResults, SCENARIOS), e.scenariosPassed, e.approvedBy,
                e.approvedAt, e.activatedAt, e.note);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
