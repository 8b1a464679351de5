package io.salesrisk.reevaluation.staged;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The results of one chunk as a Spark task stages them for the service: one row per (run, chunk), whose customers are
 * exactly the chunk's id range, so a retried task or a re-submitted job finds the row there and adds nothing. Java
 * serialization, compressed, keeps every value's exact type (BigDecimal scale, dates), so what the service stores from
 * it is byte for byte what it stores after assessing the customer itself; reading accepts only these records and the
 * JDK value types in them.
 */
public final class StagedChunk {

    private static final ObjectInputFilter ONLY_RESULTS = info -> {
        Class<?> type = info.serialClass();
        if (type == null) {
            return info.depth() > 20 ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        String name = type.getName();
        boolean allowed = type.isPrimitive() || name.startsWith("java.") || name.startsWith("io.salesrisk.reevaluation.staged.")
                || (type.isEnum() && name.startsWith("io.salesrisk.facts."));
        return allowed ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    };

    private StagedChunk() {
    }

    public static byte[] encode(List<StagedResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
            out.writeObject(new ArrayList<>(results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    public static List<StagedResult> decode(byte[] content) {
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(new ByteArrayInputStream(content)))) {
            in.setObjectInputFilter(ONLY_RESULTS);
            return (List<StagedResult>) in.readObject();
        } catch (InvalidClassException e) {
            throw new IllegalStateException("staged results hold a type they may not: " + e.getMessage(), e);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("staged results cannot be read: " + e.getMessage(), e);
        }
    }
}
