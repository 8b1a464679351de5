package io.salesrisk.reevaluation.run;

import io.quarkus.logging.Log;
import io.salesrisk.reevaluation.config.ReevaluationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Submits the Spark job for a run handed to Spark, with the configured command (typically {@code spark-submit ...
 * salesrisk-spark.jar reevaluate --run {runId} ...}), as a process whose output goes to a log file. Without a command
 * the run waits for a job submitted elsewhere. A job that fails can be submitted again: chunks it staged stay staged.
 */
@ApplicationScoped
public class SparkSubmitter {

    private final ReevaluationConfig config;

    public SparkSubmitter(ReevaluationConfig config) {
        this.config = config;
    }

    public void submit(RunRecord run) {
        if (config.spark().submitCommand().isEmpty()) {
            Log.infof("run %s is handed to Spark and waits for the job (no salesrisk.reevaluation.spark.submit-command)", run.id());
            return;
        }
        List<String> command = Arrays.stream(config.spark().submitCommand().get().trim().split("\\s+"))
                .map(word -> word.replace("{runId}", run.id().toString())).toList();
        try {
            Path log = Files.createTempFile("salesrisk-spark-" + run.id() + "-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Log.infof("run %s handed to Spark: %s (pid %d, output in %s)", run.id(), command.get(0), process.pid(), log);
            process.onExit().thenAccept(done -> {
                if (done.exitValue() != 0) {
                    Log.warnf("the Spark job of run %s exited with %d (output in %s); chunks it staged stay staged, "
                            + "submit it again to finish the rest", run.id(), done.exitValue(), log);
                }
            });
        } catch (IOException e) {
            Log.errorf("the Spark job of run %s could not be submitted with %s: %s; submit it by hand", run.id(),
                    command, e.getMessage());
        }
    }
}
