package io.salesrisk.reevaluation.staged;

import io.salesrisk.facts.Severity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one chunk as a Spark task stages them for the service: one row per (run, chunk), whose customers are
 * exactly the chunk's id range, so a retried task or a re-submitted job finds the row there and adds nothing.
 *
 * <p>A small binary format of its own, field by field, because Java serialization of a chunk's records cost about
 * 130 ms per chunk (a minute of CPU over a million customers); PostgreSQL compresses the column itself. Every value
 * keeps its exact type (a BigDecimal its scale, a date stays a date), so what the service stores from it is what it
 * stores after assessing the customer itself. A finding value of a type without a tag here is written with Java
 * serialization, and read back only if it is a JDK type or one of the facts' enums.
 */
public final class StagedChunk {

    private static final int FORMAT = 1;

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte DECIMAL = 2;
    private static final byte INTEGER = 3;
    private static final byte LONG = 4;
    private static final byte DOUBLE = 5;
    private static final byte BOOLEAN = 6;
    private static final byte DATE = 7;
    private static final byte ENUM = 8;
    private static final byte LIST = 9;
    private static final byte SERIALIZED = 10;

    private static final ObjectInputFilter JDK_AND_FACT_ENUMS = info -> {
        Class<?> type = info.serialClass();
        if (type == null) {
            return info.depth() > 20 ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        String name = type.getName();
        boolean allowed = type.isPrimitive() || name.startsWith("java.") || (type.isEnum() && name.startsWith("io.salesrisk.facts."));
        return allowed ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    };

    private StagedChunk() {
    }

    /** The output with the chunk's strings table: rule names, sources, factors and keys repeat for every customer. */
    private static final class Out extends DataOutputStream {
        final Map<String, Integer> seen = new java.util.HashMap<>();

        Out(ByteArrayOutputStream bytes) {
            super(bytes);
        }
    }

    private static final class In extends DataInputStream {
        final List<String> seen = new ArrayList<>();

        In(ByteArrayInputStream bytes) {
            super(bytes);
        }
    }

    public static byte[] encode(List<StagedResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(results.size() * 400 + 64);
        try (Out out = new Out(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(results.size());
            for (StagedResult r : results) {
                text(out, r.customerId());
                text(out, r.failure());
                if (r.isFailure()) {
                    continue;
                }
                StagedResult.Previous p = r.previous();
                text(out, p.segment());
                decimal(out, p.totalExposure());
                decimal(out, p.openReceivables());
                decimal(out, p.overdueAmount());
                decimal(out, p.last3MonthsSales());
                decimal(out, p.sameMonthsLastYearSales());
                value(out, p.score());
                text(out, p.riskClass());
                decimal(out, p.creditLimit());
                out.writeInt(p.termsDays());
                out.writeBoolean(p.prepaymentRequired());
                value(out, r.score());
                out.writeInt(r.points().size());
                for (StagedResult.Points points : r.points()) {
                    text(out, points.factor());
                    out.writeInt(points.points());
                    finding(out, points.finding());
                }
                text(out, r.classAfter());
                decimal(out, r.limitComputed());
                decimal(out, r.limitAfter());
                decimal(out, r.limitProposed());
                out.writeInt(r.termsAfter());
                out.writeBoolean(r.prepaymentAfter());
                out.writeInt(r.reasons().size());
                for (StagedResult.Finding reason : r.reasons()) {
                    finding(out, reason);
                }
                out.writeInt(r.signals().size());
                for (StagedResult.Signal signal : r.signals()) {
                    text(out, signal.type());
                    text(out, signal.severity().name());
                    finding(out, signal.finding());
                }
                out.writeInt(r.risks().size());
                for (StagedResult.Risk risk : r.risks()) {
                    text(out, risk.riskType());
                    finding(out, risk.finding());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static List<StagedResult> decode(byte[] content) {
        try (In in = new In(new ByteArrayInputStream(content))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException("staged results in format " + format + ", this service reads " + FORMAT
                        + "; the Spark job and the service must be of the same version");
            }
            int count = in.readInt();
            List<StagedResult> results = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String customerId = text(in);
                String failure = text(in);
                if (failure != null) {
                    results.add(StagedResult.failed(customerId, failure));
                    continue;
                }
                StagedResult.Previous previous = new StagedResult.Previous(text(in), decimal(in), decimal(in), decimal(in),
                        decimal(in), decimal(in), (Integer) value(in), text(in), decimal(in), in.readInt(), in.readBoolean());
                Integer score = (Integer) value(in);
                List<StagedResult.Points> points = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) {
                    points.add(new StagedResult.Points(text(in), in.readInt(), finding(in)));
                }
                String classAfter = text(in);
                BigDecimal limitComputed = decimal(in);
                BigDecimal limitAfter = decimal(in);
                BigDecimal limitProposed = decimal(in);
                int termsAfter = in.readInt();
                boolean prepaymentAfter = in.readBoolean();
                List<StagedResult.Finding> reasons = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) {
                    reasons.add(finding(in));
                }
                List<StagedResult.Signal> signals = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) {
                    signals.add(new StagedResult.Signal(text(in), Severity.valueOf(text(in)), finding(in)));
                }
                List<StagedResult.Risk> risks = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) {
                    risks.add(new StagedResult.Risk(text(in), finding(in)));
                }
                results.add(new StagedResult(customerId, null, previous, score, points, classAfter, limitComputed,
                        limitAfter, limitProposed, termsAfter, prepaymentAfter, reasons, signals, risks));
            }
            return results;
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalStateException state) {
                throw state;
            }
            throw new IllegalStateException("staged results cannot be read: " + e, e);
        }
    }

    private static void finding(Out out, StagedResult.Finding finding) throws IOException {
        text(out, finding.what());
        text(out, finding.rule());
        text(out, finding.source());
        text(out, finding.message());
        out.writeInt(finding.values().size());
        for (Map.Entry<String, Object> entry : finding.values().entrySet()) {
            text(out, entry.getKey());
            value(out, entry.getValue());
        }
    }

    private static StagedResult.Finding finding(In in) throws IOException {
        String what = text(in);
        String rule = text(in);
        String source = text(in);
        String message = text(in);
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            values.put(text(in), value(in));
        }
        return new StagedResult.Finding(what, rule, source, message, values);
    }

    /** -1: null; a known string's index; -2: a new string follows (it gets the next index). */
    private static void text(Out out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        Integer index = out.seen.get(text);
        if (index != null) {
            out.writeInt(index);
            return;
        }
        out.seen.put(text, out.seen.size());
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(-2);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(In in) throws IOException {
        int ref = in.readInt();
        if (ref == -1) {
            return null;
        }
        if (ref >= 0) {
            return in.seen.get(ref);
        }
        String text = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
        in.seen.add(text);
        return text;
    }

    private static void decimal(Out out, BigDecimal value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] unscaled = value.unscaledValue().toByteArray();
        out.writeInt(unscaled.length);
        out.write(unscaled);
        out.writeInt(value.scale());
    }

    private static BigDecimal decimal(In in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        BigInteger unscaled = new BigInteger(in.readNBytes(length));
        return new BigDecimal(unscaled, in.readInt());
    }

    private static void value(Out out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            text(out, s);
        } else if (value instanceof BigDecimal d) {
            out.writeByte(DECIMAL);
            decimal(out, d);
        } else if (value instanceof Integer i) {
            out.writeByte(INTEGER);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof LocalDate date) {
            out.writeByte(DATE);
            out.writeLong(date.toEpochDay());
        } else if (value instanceof Enum<?> e && e.getDeclaringClass().getName().startsWith("io.salesrisk.facts.")) {
            out.writeByte(ENUM);
            text(out, e.getDeclaringClass().getName());
            text(out, e.name());
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object item : list) {
                value(out, item);
            }
        } else {
            out.writeByte(SERIALIZED);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream object = new ObjectOutputStream(bytes)) {
                object.writeObject(value);
            }
            out.writeInt(bytes.size());
            out.write(bytes.toByteArray());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(In in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return text(in);
            case DECIMAL:
                return decimal(in);
            case INTEGER:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case BOOLEAN:
                return in.readBoolean();
            case DATE:
                return LocalDate.ofEpochDay(in.readLong());
            case ENUM: {
                String type = text(in);
                String name = text(in);
                if (!type.startsWith("io.salesrisk.facts.")) {
                    throw new IllegalStateException("staged results hold a type they may not: " + type);
                }
                try {
                    Class<?> enumType = Class.forName(type, false, StagedChunk.class.getClassLoader());
                    if (!enumType.isEnum()) {
                        throw new IllegalStateException("staged results hold a type they may not: " + type);
                    }
                    return Enum.valueOf((Class) enumType, name);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("staged results name an unknown enum " + type, e);
                }
            }
            case LIST: {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(value(in));
                }
                return list;
            }
            case SERIALIZED: {
                byte[] bytes = in.readNBytes(in.readInt());
                try (ObjectInputStream object = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                    object.setObjectInputFilter(JDK_AND_FACT_ENUMS);
                    return object.readObject();
                } catch (java.io.InvalidClassException e) {
                    throw new IllegalStateException("staged results hold a type they may not: " + e.getMessage(), e);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("staged results name an unknown class: " + e.getMessage(), e);
                }
            }
            default:
                throw new IllegalStateException("staged results hold an unknown value tag " + tag);
        }
    }
}
