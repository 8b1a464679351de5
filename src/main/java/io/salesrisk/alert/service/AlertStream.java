package io.salesrisk.alert.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.outbox.OutboxAudience;
import io.salesrisk.outbox.OutboxEvent;
import io.salesrisk.outbox.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live alert stream ({@code GET /api/alerts/stream} and the desk's): one reader of the outbox per instance that
 * every open stream shares, so a hundred open desks cost one query per poll, not a hundred.
 *
 * <p>Each stream has its own position (the outbox sequence number of the last event it was sent, which is the
 * event's SSE id, so a browser's {@code Last-Event-ID} resumes exactly there). One thread does all the work: it reads
 * new events after the confirmed head, keeps the most recent ones in memory, and sends every stream the events
 * between its position and the head, from memory or, for a stream resuming from further back, from the table. As
 * streams are only served from that one thread, a stream can never miss an event between its catch-up and the live
 * part.
 *
 * <p>Gaps: sequence numbers are taken when a transaction inserts and become visible when it commits, so seq 11 can
 * be visible before seq 10. The head never passes a missing number younger than {@code gap-wait}: it waits for the
 * slower transaction to commit, or, when the number stays missing (a rolled-back transaction), steps over it then.
 *
 * <p>The SSE types are JAX-RS API classes, not a resource: the REST resource and the desk page both open streams.
 */
@ApplicationScoped
@Named("alertStream")
public class AlertStream {

    private static final Logger LOG = Logger.getLogger(AlertStream.class);
    /** Recent events kept in memory for streams that are at most this far behind. */
    private static final int RECENT = 2_000;
    private static final int BATCH = 500;
    private static final int CATCH_UP_PAGES = 4;

    /** Who reads the stream: reviewers (risk officers, auditors) get every event, sales only the events for sales. */
    public enum Reader {
        REVIEWER, SALES;

        boolean sees(OutboxEvent event) {
            return this == REVIEWER || event.audience() == OutboxAudience.SALES;
        }
    }

    private final OutboxRepository outbox;
    private final AlertConfig config;
    private final ObjectMapper mapper;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Deque<OutboxEvent> recent = new ArrayDeque<>();
    private ScheduledExecutorService poller;
    /** Every event with seq up to here has been read (or its number stayed missing past the gap wait). */
    private volatile long head = -1;
    private long gapSeq = -1;
    private long gapSeenAt;

    public AlertStream(OutboxRepository outbox, AlertConfig config, ObjectMapper mapper, MeterRegistry registry) {
        this.outbox = outbox;
        this.config = config;
        this.mapper = mapper;
        Gauge.builder("salesrisk_alert_streams_open", subscribers, List::size)
                .description("Live alert streams open on this instance").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "alert-stream");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.stream().pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::tickSafely, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (poller != null) {
            poller.shutdownNow();
        }
        subscribers.forEach(Subscriber::close);
        subscribers.clear();
    }

    /**
     * Where a stream starts: after the {@code Last-Event-ID} a reconnecting browser sends, else after {@code ?after=},
     * else (null) at the live end.
     */
    public static Long startAfter(String lastEventId, String after) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            return position("Last-Event-ID", lastEventId);
        }
        if (after != null && !after.isBlank()) {
            return position("after", after);
        }
        return null;
    }

    private static long position(String field, String value) {
        try {
            long seq = Long.parseLong(value.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInputException.field(field, field + " must be the id of an event of this stream (a whole number"
                + " of 0 or more), not '" + value + "'");
    }

    /**
     * Opens a stream on the sink: events after {@code after} (null: only events from now on), then live ones, with a
     * heartbeat comment while nothing happens. Returns at once; the stream's thread sends.
     */
    public void open(SseEventSink sink, Sse sse, Long after, Reader reader) {
        // without a position the stream starts after the newest event now, not at the next poll: an event
        // committed between this request and that poll is the stream's first
        long position = after == null ? outbox.lastSeq() : after;
        Subscriber subscriber = new Subscriber(sink, sse, reader, position, System.currentTimeMillis());
        // the first comment makes the response start at once, so the client sees the stream opened
        subscriber.comment("stream open");
        subscribers.add(subscriber);
    }

    /**
     * The id of the newest event now: a page renders it into its stream's address ({@code ?after=}), so the events
     * committed between rendering the page and its script opening the stream are not missed.
     */
    public long lastEventId() {
        return outbox.lastSeq();
    }

    /** The number of streams open on this instance. */
    public int openStreams() {
        return subscribers.size();
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // the database may be away for a moment: the next poll tries again, the streams stay open
            LOG.warnf("alert stream: reading the outbox failed (%s); trying again", e.getMessage());
        }
    }

    private void tick() {
        subscribers.removeIf(Subscriber::closed);
        if (subscribers.isEmpty()) {
            head = -1; // nobody listens: no query; the next stream starts from the table's end (or its position)
            return;
        }
        if (head < 0) {
            head = outbox.lastSeq();
            recent.clear(); // memory holds only a run of events without holes, up to the head
        }
        readNewEvents();
        long now = System.currentTimeMillis();
        long heartbeat = config.stream().heartbeat().toMillis();
        for (Subscriber subscriber : subscribers) {
            if (subscriber.position < head) {
                send(subscriber);
            }
            if (now - subscriber.lastSentAt >= heartbeat) {
                subscriber.comment("heartbeat");
            }
        }
    }

    /** Reads the events after the head, moving it over numbers that are present, or missing for longer than the wait. */
    private void readNewEvents() {
        long gapWait = config.stream().gapWait().toMillis();
        while (true) {
            List<OutboxEvent> events = outbox.after(head, BATCH);
            boolean stoppedAtGap = false;
            for (OutboxEvent event : events) {
                if (event.seq() != head + 1) {
                    long now = System.currentTimeMillis();
                    if (gapSeq != head + 1) {
                        gapSeq = head + 1;
                        gapSeenAt = now;
                    }
                    if (now - gapSeenAt < gapWait) {
                        stoppedAtGap = true;
                        break;
                    }
                    // the missing numbers belong to transactions that rolled back: step over them
                }
                remember(event);
                head = event.seq();
            }
            if (stoppedAtGap || events.size() < BATCH) {
                return;
            }
        }
    }

    private void remember(OutboxEvent event) {
        recent.addLast(event);
        if (recent.size() > RECENT) {
            recent.removeFirst();
        }
    }

    /** Sends the subscriber every event it may see between its position and the head. */
    private void send(Subscriber subscriber) {
        OutboxEvent oldestInMemory = recent.peekFirst();
        if (oldestInMemory == null || subscriber.position < oldestInMemory.seq() - 1) {
            // further back than memory reaches: from the table, up to the head, a few pages per poll so that one
            // stream resuming from far back does not hold up the others
            for (int pages = 0; pages < CATCH_UP_PAGES && subscriber.position < head && !subscriber.closed(); pages++) {
                List<OutboxEvent> page = outbox.after(subscriber.position, BATCH);
                if (page.isEmpty()) {
                    subscriber.position = head;
                    return;
                }
                for (OutboxEvent event : page) {
                    if (event.seq() > head) {
                        subscriber.position = head;
                        return;
                    }
                    subscriber.event(event);
                }
            }
            return;
        }
        for (OutboxEvent event : recent) {
            if (event.seq() > subscriber.position) {
                subscriber.event(event);
            }
        }
        subscriber.position = Math.max(subscriber.position, head);
    }

    /** The event's data: {@code {seq, id, type, severity, timestamp, data}} with the alert as data. */
    String data(OutboxEvent event) {
        try {
            ObjectNode node = mapper.createObjectNode();
            node.put("seq", event.seq());
            node.put("id", event.id().toString());
            node.put("type", event.type());
            node.put("severity", event.severity());
            node.put("timestamp", event.createdAt().toInstant().toString());
            node.set("data", mapper.readTree(event.payload()));
            return mapper.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException("outbox event " + event.seq() + " holds no valid JSON", e);
        }
    }

    private final class Subscriber {
        private final SseEventSink sink;
        private final Sse sse;
        private final Reader reader;
        private long position;
        private long lastSentAt;
        private volatile boolean failed;

        Subscriber(SseEventSink sink, Sse sse, Reader reader, long position, long now) {
            this.sink = sink;
            this.sse = sse;
            this.reader = reader;
            this.position = position;
            this.lastSentAt = now;
        }

        boolean closed() {
            return failed || sink.isClosed();
        }

        void event(OutboxEvent event) {
            position = event.seq();
            if (!reader.sees(event)) {
                return;
            }
            OutboundSseEvent sseEvent = sse.newEventBuilder().id(Long.toString(event.seq())).name(event.type())
                    .data(data(event)).build();
            deliver(sseEvent);
        }

        void comment(String text) {
            deliver(sse.newEventBuilder().comment(text).build());
        }

        private void deliver(OutboundSseEvent event) {
            if (closed()) {
                return;
            }
            lastSentAt = System.currentTimeMillis();
            try {
                sink.send(event).whenComplete((ignored, error) -> {
                    if (error != null) {
                        failed = true; // the client went away; the next poll drops the stream
                    }
                });
            } catch (RuntimeException e) {
                failed = true;
            }
        }

        void close() {
            try {
                sink.close();
            } catch (RuntimeException e) {
                // already closed by the client
            }
        }
    }
}
