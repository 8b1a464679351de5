package io.salesrisk.reevaluation.service;

import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.reevaluation.persistence.AssessmentRepository;
import io.salesrisk.reevaluation.persistence.ChunkRepository;
import io.salesrisk.reevaluation.persistence.FailureRepository;
import io.salesrisk.reevaluation.persistence.RunRepository;
import io.salesrisk.reevaluation.persistence.SignalRepository;
import io.salesrisk.reevaluation.run.ChunkStatus;
import io.salesrisk.reevaluation.run.RunExecutor;
import io.salesrisk.reevaluation.run.RunProgress;
import io.salesrisk.reevaluation.run.RunRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Runs as people follow them: progress, results, history of a customer, cancelling. */
@ApplicationScoped
public class RunReports {

    /** A run with its progress. */
    public record RunState(RunRecord run, RunProgress progress) {
    }

    private final RunRepository runs;
    private final ChunkRepository chunks;
    private final FailureRepository failures;
    private final AssessmentRepository assessments;
    private final SignalRepository signals;
    private final Clock clock;

    public RunReports(RunRepository runs, ChunkRepository chunks, FailureRepository failures,
                      AssessmentRepository assessments, SignalRepository signals, Clock clock) {
        this.runs = runs;
        this.chunks = chunks;
        this.failures = failures;
        this.assessments = assessments;
        this.signals = signals;
        this.clock = clock;
    }

    public RunState state(UUID id) {
        return state(find(id));
    }

    public RunState state(RunRecord run) {
        return new RunState(run, progress(run));
    }

    /** The most recent runs, newest first. */
    public List<RunState> recent(int limit) {
        return runs.recent(limit).stream().map(this::state).toList();
    }

    public RunProgress progress(RunRecord run) {
        Map<ChunkStatus, ChunkRepository.StatusCount> counts = chunks.countByStatus(run.id());
        ChunkRepository.StatusCount done = counts.get(ChunkStatus.DONE);
        ChunkRepository.StatusCount failed = counts.get(ChunkStatus.FAILED);
        return RunProgress.of(run, new RunProgress.ChunkCounts((int) done.chunks(), (int) counts.get(ChunkStatus.CLAIMED).chunks(),
                (int) counts.get(ChunkStatus.PENDING).chunks(), (int) failed.chunks(), (int) done.done(), (int) done.failed(),
                (int) failed.size(), run.executor() == RunExecutor.SPARK ? chunks.stagedCount(run.id()) : null),
                OffsetDateTime.now(clock));
    }

    public List<FailureRepository.Failure> failures(UUID id, int limit) {
        find(id);
        return failures.ofRun(id, limit);
    }

    public List<AssessmentRepository.AssessmentRecord> assessments(UUID id, int limit, int offset) {
        find(id);
        return assessments.ofRun(id, limit, offset);
    }

    public List<SignalRepository.SignalRecord> signals(UUID id, String type, int limit, int offset) {
        find(id);
        return signals.ofRun(id, type, limit, offset);
    }

    /** How runs changed a customer, newest first. */
    public List<AssessmentRepository.AssessmentRecord> customerAssessments(String customerId, int limit) {
        return assessments.ofCustomer(customerId, limit);
    }

    /** The anomalies runs found for a customer, newest first. */
    public List<SignalRepository.SignalRecord> customerSignals(String customerId, int limit) {
        return signals.ofCustomer(customerId, limit);
    }

    /** Stops handing out the run's chunks; what was committed stays. */
    public RunState cancel(UUID id) {
        RunRecord run = find(id);
        if (!runs.cancel(id, OffsetDateTime.now(clock))) {
            throw new ConflictException("status", "run " + id + " is " + run.status() + "; only a running run can be cancelled");
        }
        return state(id);
    }

    private RunRecord find(UUID id) {
        return runs.record(id).orElseThrow(() -> new NotFoundException(null, "re-evaluation run " + id + " does not exist"));
    }
}
