package io.salesrisk.spark;

import org.apache.spark.SparkConf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on loopback from the Maven artifacts (target/spark-home/jars): a master and workers of one
 * core each, every one its own JVM, launching executors the way Spark does. For the cluster test and the benchmark.
 */
final class LocalCluster implements AutoCloseable {

    static final Path SPARK_HOME = Path.of(System.getProperty("salesrisk.spark.home", "target/spark-home")).toAbsolutePath();
    static final Path JOB_JAR = Path.of(System.getProperty("salesrisk.job.jar", "target/salesrisk-spark-0.1.0-SNAPSHOT-submit.jar")).toAbsolutePath();
    static final List<String> JAVA17 = Arrays.asList(System.getProperty("spark.java17.options", "").trim().split("\\s+"));

    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String master;
    private final int masterUi;

    private LocalCluster(String master, int masterUi) {
        this.master = master;
        this.masterUi = masterUi;
    }

    /** Starts a master and the workers, and waits until every worker has registered. */
    static LocalCluster start(int workers, String executorMemory) throws Exception {
        if (!Files.exists(JOB_JAR)) {
            throw new IllegalStateException(JOB_JAR + " not found: the job jar is built in package");
        }
        int port = ServiceProcess.freePort();
        LocalCluster cluster = new LocalCluster("spark://127.0.0.1:" + port, ServiceProcess.freePort());
        cluster.launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "" + port,
                "--webui-port", "" + cluster.masterUi);
        for (int i = 1; i <= workers; i++) {
            Path work = Path.of("target", "spark-work", "worker-" + i).toAbsolutePath();
            Files.createDirectories(work);
            cluster.workers.add(cluster.launch("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "1", "--memory", executorMemory, "--webui-port", "" + ServiceProcess.freePort(),
                    "--work-dir", work.toString(), cluster.master));
        }
        cluster.awaitWorkers(workers);
        return cluster;
    }

    /** The driver's configuration for a job on this cluster, shipping the job jar to the executors. */
    SparkConf conf(String app, int cores, String executorMemory) {
        return new SparkConf().setMaster(master).setAppName(app).setJars(new String[]{JOB_JAR.toString()})
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false").set("spark.executor.memory", executorMemory)
                .set("spark.executor.cores", "1").set("spark.cores.max", "" + cores).set("spark.task.maxFailures", "8")
                .set("spark.executor.extraJavaOptions", String.join(" ", JAVA17));
    }

    /** Kills a worker and the executors it launched, as when its machine is lost. */
    void killWorker(int number) {
        Process worker = workers.get(number - 1);
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
    }

    private Process launch(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", SPARK_HOME.resolve("jars") + "/*", "-Dspark.worker.timeout=10"));
        command.addAll(JAVA17);
        command.add(mainClass);
        command.addAll(List.of(args));
        Path log = Path.of("target", "spark-" + name + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", SPARK_HOME.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void awaitWorkers(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String state = "";
        while (System.nanoTime() < deadline) {
            try {
                state = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (state.replace(" ", "").contains("\"aliveworkers\":" + count)) {
                    return;
                }
            } catch (IOException notYet) {
                // the master is starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(count + " workers did not register with the master: " + state);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }
}
