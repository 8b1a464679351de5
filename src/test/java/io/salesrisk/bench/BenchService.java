package io.salesrisk.bench;

import io.quarkus.elytron.security.common.BcryptUtil;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a child process on a PostgreSQL database of its
 * own, for the benchmarks that measure it over HTTP: recreates the database through the admin URL, starts the service
 * with {@code -D} overrides (port, datasource, a bcrypt-hashed user {@value #USER}), waits until it is ready and stops
 * it.
 */
final class BenchService {

    static final String JAR = System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar");
    static final String ADMIN_URL = System.getProperty("bench.admin-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String USER = "bench";
    static final String PASSWORD = "bench-secret";

    private BenchService() {
    }

    /** Fails early when the service has not been packaged. */
    static void requireJar() {
        if (!Files.exists(Path.of(JAR))) {
            throw new IllegalStateException(JAR + " not found: run ./mvnw package -DskipTests first");
        }
    }

    /** The {@code Authorization} header of the bench user. */
    static String basicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** The JDBC URL of database {@code db} on the admin URL's server. */
    static String databaseUrl(String db) {
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + db;
    }

    /** Drops (disconnecting its sessions) and creates database {@code db}. */
    static void recreateDatabase(String db) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + db);
        }
    }

    /**
     * Starts the service with a 1 GB heap on {@code port} and {@code databaseUrl}, logging at WARN (INFO for the
     * project's own categories) into {@code log}, with the bench user in {@code roles} and the further
     * {@code properties} ({@code name=value}, passed as {@code -D}).
     */
    static Process start(int port, String databaseUrl, String roles, Path log, String... properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + databaseUrl,
                "-Dquarkus.log.level=WARN",
                "-Dquarkus.log.category.\"io.salesrisk\".level=INFO",
                "-Dsalesrisk.security.users." + USER + ".password-hash=" + BcryptUtil.bcryptHash(PASSWORD, 10),
                "-Dsalesrisk.security.users." + USER + ".roles=" + roles));
        for (String property : properties) {
            command.add("-D" + property);
        }
        command.addAll(List.of("-jar", JAR));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Polls {@code /q/health/ready} until it answers 200; fails when the service exits or after {@code seconds}. */
    static void waitUntilReady(Process service, HttpClient http, int port, Path log, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited; see " + log);
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not become ready in " + seconds + " s; see " + log);
    }

    /** Asks the service to stop; kills it when it has not stopped after {@code seconds}. */
    static void stop(Process service, long seconds) throws InterruptedException {
        service.destroy();
        if (!service.waitFor(seconds, TimeUnit.SECONDS)) {
            service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
