package io.salesrisk.engine.drools;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stops rule runs that take longer than the time budget, so that no request, upload or batch run waits on a slow
 * rule and no core is held by one. Between firings the run checks its own deadline ({@link FiringRecorder}); a
 * consequence that never returns is stopped by this watchdog, which throws {@link ThreadDeath} into the running
 * thread (the only way to stop code that never checks for interruption). The run's session is destroyed afterwards.
 * One daemon thread per engine, looking at the running runs a few times per budget.
 */
final class RunWatchdog implements AutoCloseable {

    /** A run in progress; its state decides who finishes it, the run or the watchdog. */
    static final class Run {
        static final int RUNNING = 0;
        static final int DONE = 1;
        static final int STOPPING = 2;
        static final int STOPPED = 3;

        final Thread thread = Thread.currentThread();
        final long deadline;
        final AtomicInteger state = new AtomicInteger(RUNNING);

        Run(long deadline) {
            this.deadline = deadline;
        }

        /** True when the run ended on its own; false when the watchdog stopped it. */
        boolean finish() {
            return state.compareAndSet(RUNNING, DONE);
        }

        /**
         * After {@link #finish()} returned false: waits until the watchdog has posted its ThreadDeath and lets it
         * arrive here, so that it cannot surface later outside the run (it may also have arrived already and been
         * wrapped by the engine). Clears the interrupt the stop leaves behind on a pooled thread.
         */
        void absorbStop() {
            try {
                while (state.get() == STOPPING) {
                    Thread.onSpinWait();
                }
                Thread.sleep(20);
            } catch (ThreadDeath arrived) {
                // expected
            } catch (InterruptedException woken) {
                // the stop interrupts a sleeping thread; the ThreadDeath follows at the next safepoint
                try {
                    Thread.sleep(20);
                } catch (ThreadDeath | InterruptedException arrived) {
                    // expected
                }
            }
            Thread.interrupted();
        }
    }

    private final long budgetNanos;
    private final Set<Run> running = ConcurrentHashMap.newKeySet();
    private final Thread watcher;
    private volatile boolean closed;
    private boolean warnedStopUnsupported; // only the watcher thread reads and writes it

    RunWatchdog(Duration budget) {
        this.budgetNanos = budget.toNanos();
        long pause = Math.max(10, Math.min(200, budget.toMillis() / 4));
        this.watcher = new Thread(() -> watch(pause), "rule-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }

    long budgetNanos() {
        return budgetNanos;
    }

    Run start() {
        Run run = new Run(System.nanoTime() + budgetNanos);
        running.add(run);
        return run;
    }

    void end(Run run) {
        running.remove(run);
    }

    @SuppressWarnings({"deprecation", "removal"}) // Thread.stop: the last resort for code that never returns (Java 17)
    private void watch(long pauseMillis) {
        while (!closed) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Run run : running) {
                // a grace of one budget beyond the deadline: the run checks the deadline itself between firings
                if (now - run.deadline > budgetNanos && run.state.compareAndSet(Run.RUNNING, Run.STOPPING)) {
                    try {
                        run.thread.stop();
                    } catch (UnsupportedOperationException notOnThisJava) {
                        // Java 20 and later refuse: the run can only be reported as timed out when it ends by itself
                        if (!warnedStopUnsupported) {
                            warnedStopUnsupported = true;
                            // the engine keeps to the JDK's logger (no Quarkus here); it reaches the service's log
                            System.getLogger(RunWatchdog.class.getName()).log(Level.WARNING, "this Java (" + Runtime.version()
                                    + ") cannot stop a rule that never returns: such a run holds its thread until it ends"
                                    + " by itself; run salesrisk on Java 17");
                        }
                    } finally {
                        run.state.set(Run.STOPPED);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        watcher.interrupt();
    }
}
