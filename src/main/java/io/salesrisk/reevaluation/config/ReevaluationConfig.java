package io.salesrisk.reevaluation.config;

import io.salesrisk.reevaluation.run.RunExecutor;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/** How customers are re-evaluated: the limit policy, the batch runs and the nightly schedule. */
@ConfigMapping(prefix = "salesrisk.reevaluation")
public interface ReevaluationConfig {

    /**
     * When the nightly run over all customers starts: a Quartz cron expression (seconds first), or {@code off}.
     * Read by the scheduler as {@code ${salesrisk.reevaluation.schedule}}.
     */
    @WithDefault("0 0 2 * * ?")
    String schedule();

    /** A computed limit more than this % above the current one waits for a risk officer's approval. */
    @WithDefault("20")
    BigDecimal autoIncreasePercent();

    /** Computed limits are rounded down to a multiple of this amount. */
    @WithDefault("1000")
    BigDecimal limitRounding();

    /** Customers per chunk: the unit of work one instance claims, commits and never counts twice. */
    @WithDefault("2000")
    int chunkSize();

    /** Threads per instance working on runs; 0 leaves the work to other instances. */
    @WithDefault("2")
    int workers();

    /** How often an idle worker looks for chunks (of runs started on other instances, or abandoned ones). */
    @WithDefault("2s")
    Duration pollInterval();

    /** A claimed chunk not committed within this time is taken over by another worker (its claimer died). */
    @WithDefault("5m")
    Duration chunkLease();

    /** Attempts at a chunk before it is given up and its customers are reported as failed. */
    @WithDefault("3")
    int maxAttempts();

    /** This instance's name in chunk claims; defaults to host name and process id. */
    Optional<String> instanceId();

    /**
     * Who assesses the customers of a run started without saying: {@code service} (this service's workers) or
     * {@code spark} (a Spark job, see the README; the workers store its staged results and finish the run).
     */
    @WithDefault("service")
    RunExecutor executor();

    /** Handing runs to Spark. */
    Spark spark();

    interface Spark {
        /**
         * The command that submits the job for a run handed to Spark, run by the service as a process: its words are
         * split on spaces, and {@code {runId}} is replaced by the run's id. Unset: the job is submitted by someone
         * else (a scheduler, an operator), and the run waits for it.
         */
        Optional<String> submitCommand();
    }
}
