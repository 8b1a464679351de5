package io.salesrisk.common.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long SQL statement kept in {@code src/main/resources/sql/}, where it reads as SQL, with {@code ${name}}
 * fragments filled in from Java (the few parts shared with other queries or that differ by database).
 */
public final class SqlResource {

    private static final Pattern FRAGMENT = Pattern.compile("\\$\\{(\\w+)}");

    private SqlResource() {
    }

    /** The statement with its fragments filled in and its leading comment lines dropped. */
    public static String load(String name, Map<String, String> fragments) {
        String text;
        try (InputStream in = SqlResource.class.getResourceAsStream("/sql/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no SQL resource sql/" + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read SQL resource sql/" + name, e);
        }
        String statement = text.lines().filter(line -> !line.startsWith("--")).reduce((a, b) -> a + "\n" + b).orElse("");
        Matcher matcher = FRAGMENT.matcher(statement);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String fragment = fragments.get(matcher.group(1));
            if (fragment == null) {
                throw new IllegalStateException("sql/" + name + " needs a value for ${" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(fragment));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
