package io.salesrisk.testsupport;

import java.util.Arrays;
import java.util.List;

/** Which threads are still inside some code: a rule the time budget stopped must not keep running anywhere. */
public final class BusyThreads {

    private BusyThreads() {
    }

    /** Names of the threads whose stack is inside {@code BigInteger.pow}, the slow call the runaway-rule tests use. */
    public static List<String> computingBigPowers() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(frame -> frame.getClassName().equals("java.math.BigInteger")
                        && frame.getMethodName().startsWith("pow")))
                .map(e -> e.getKey().getName()).toList();
    }
}
