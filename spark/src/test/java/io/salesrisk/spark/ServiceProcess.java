package io.salesrisk.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service (target/quarkus-app of the top-level build) as its users run it, on a database of the tests,
 * driven over real HTTP: it migrates the database, starts runs, stores what the Spark job stages and finishes runs.
 */
final class ServiceProcess implements AutoCloseable {

    static final Path PROJECT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path JAR = Path.of(System.getProperty("salesrisk.service.jar",
            PROJECT.resolve("target/quarkus-app/quarkus-run.jar").toString()));
    /** The development users' hash of risk123; the test user is a risk officer. */
    private static final String RISK123 = "$2a$10$g796IYIF/0HOeVfxBIKRieAxdZnXyTZDxA40ChEQvxCPjakse8RLG";

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service on the database and waits until it is ready. */
    static ServiceProcess start(String database, String... properties) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " not found: the top-level build packages the service first");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dquarkus.http.port=" + port, "-Dquarkus.datasource.jdbc.url=" + TestDatabases.url(database),
                "-Dquarkus.datasource.username=" + TestDatabases.USER, "-Dquarkus.datasource.password=" + TestDatabases.PASSWORD,
                "-Dquarkus.log.level=WARN", "-Dquarkus.log.category.\"io.salesrisk\".level=INFO",
                "-Dsalesrisk.demo.enabled=false", "-Dsalesrisk.reevaluation.schedule=off",
                "-Dsalesrisk.reevaluation.poll-interval=200ms",
                "-Dsalesrisk.security.users.spark-test.password-hash=" + RISK123,
                "-Dsalesrisk.security.users.spark-test.roles=risk-officer"));
        for (String property : properties) {
            command.add("-D" + property);
        }
        command.addAll(List.of("-jar", JAR.toString()));
        Path log = Path.of("target", "service-" + database + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toAbsolutePath().toFile())).start();
        ServiceProcess service = new ServiceProcess(process, port, log);
        service.waitUntilReady();
        return service;
    }

    private void waitUntilReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not get ready in 120 s; see " + log);
    }

    /** Starts a run over all customers; its id. */
    String startRun(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/reevaluations"))
                .header("Authorization", auth()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("starting a run: " + response.statusCode() + " " + response.body());
        }
        return field(response.body(), "id");
    }

    String run(String id) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/reevaluations/" + id)).header("Authorization", auth()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Waits until the run is finished; its JSON. */
    String awaitFinished(String id, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            String run = run(id);
            String status = field(run, "status");
            if (!status.equals("RUNNING") && !status.equals("FINISHING")) {
                return run;
            }
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("run " + id + " did not finish: " + run);
            }
            Thread.sleep(300);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String auth() {
        return "Basic " + Base64.getEncoder().encodeToString("spark-test:risk123".getBytes(StandardCharsets.UTF_8));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
