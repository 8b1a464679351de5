package io.salesrisk.common;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;

/** The name an instance writes into its claims (chunks, deliveries) when configuration gives it none. */
public final class InstanceNames {

    private InstanceNames() {
    }

    /** {@code host/pid}: unique per running process, but new after every restart (configure a stable one to resume claims). */
    public static String hostAndProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
