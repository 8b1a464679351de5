package io.salesrisk.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real webhook receiver on a loopback port: records every request (headers, body, arrival time), de-duplicates
 * by {@code webhook-id} as a receiver should, and answers from a script (status, headers, a delay) before falling
 * back to 204.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Message(String path, String id, String timestamp, String signature, String contentType, String body,
                          Instant arrivedAt) {
    }

    /** How to answer one request. */
    public record Answer(int status, Map<String, String> headers, long delayMillis) {
        public static Answer status(int status) {
            return new Answer(status, Map.of(), 0);
        }

        public static Answer status(int status, String header, String value) {
            return new Answer(status, Map.of(header, value), 0);
        }

        /** Answers 204 after sleeping (longer than the sender's timeout: the sender gives up first). */
        public static Answer slow(long delayMillis) {
            return new Answer(204, Map.of(), delayMillis);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private final List<Message> messages = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> arrivalsById = new ConcurrentHashMap<>();
    private volatile Answer always;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** A receiver on a free loopback port. */
    public static WebhookReceiver start() {
        return start(0);
    }

    /** A receiver on the given loopback port (0 = any free one). */
    public static WebhookReceiver start(int port) {
        try {
            return new WebhookReceiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port free right now, for a receiver started later. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL of a path on this receiver, e.g. {@code url("/hooks")}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Answers the next requests in this order, then 204 (or the {@link #always} answer). */
    public WebhookReceiver then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Answers every request not scripted this way. */
    public WebhookReceiver always(Answer answer) {
        this.always = answer;
        return this;
    }

    public List<Message> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** Messages whose body contains the text (e.g. a test's unique alert type). */
    public List<Message> messagesWith(String text) {
        return messages().stream().filter(m -> m.body().contains(text)).toList();
    }

    /** Distinct webhook-ids among the messages containing the text: what a de-duplicating receiver processes. */
    public long distinctIdsWith(String text) {
        return messagesWith(text).stream().map(Message::id).distinct().count();
    }

    /** Messages that repeated a webhook-id seen before, over everything received. */
    public int duplicates() {
        return arrivalsById.values().stream().mapToInt(count -> count.get() - 1).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst("webhook-id");
            messages.add(new Message(exchange.getRequestURI().getPath(), id, headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), headers.getFirst("Content-Type"), body, Instant.now()));
            if (id != null) {
                arrivalsById.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
            Answer answer = script.poll();
            if (answer == null) {
                answer = always == null ? Answer.status(204) : always;
            }
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
