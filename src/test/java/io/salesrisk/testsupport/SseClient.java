package io.salesrisk.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A server-sent events client over real HTTP (the JDK's client), as a browser's EventSource reads a stream: events
 * (id, event name, data) and comment lines, collected on a thread of their own until closed.
 */
public final class SseClient implements AutoCloseable {

    /** One event of the stream, or a comment ({@code name} "comment", the text as data). */
    public record Event(String id, String name, String data) {
        public boolean isComment() {
            return "comment".equals(name);
        }
    }

    private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Opens {@code url} with basic auth (user null: none) and the extra headers, e.g. Last-Event-ID. */
    public static SseClient open(String url, String user, String password, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request.GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            return new SseClient(response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("content-type").orElse("");
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (name != null || data.length() > 0) {
                        received.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    received.add(new Event(null, "comment", line.substring(1).trim()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (RuntimeException e) {
            // closed by close() or by the server
        }
    }

    /** The next event (not comment) matching, waiting up to {@code timeout}; null when none came. */
    public Event next(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (event == null) {
                return null;
            }
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /** Every event (not comment) matching that arrives within {@code window}, until {@code count} were seen. */
    public List<Event> collect(Predicate<Event> wanted, int count, Duration window) throws InterruptedException {
        List<Event> events = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (events.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Event event = received.poll(left, TimeUnit.NANOSECONDS);
            if (event != null && !event.isComment() && wanted.test(event)) {
                events.add(event);
            }
        }
        return events;
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
