package io.salesrisk.common.persistence;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SQL with {@code :name} parameters, turned into a JDBC statement once; a name may appear several times. */
public final class NamedSql {

    private static final Pattern NAME = Pattern.compile("(?<![:\\w]):([a-zA-Z][a-zA-Z0-9]*)");

    private final String jdbcSql;
    private final List<String> order;

    public NamedSql(String sql) {
        List<String> names = new ArrayList<>();
        Matcher matcher = NAME.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group(1));
            matcher.appendReplacement(out, "?");
        }
        matcher.appendTail(out);
        this.jdbcSql = out.toString();
        this.order = List.copyOf(names);
    }

    public String sql() {
        return jdbcSql;
    }

    /** Prepares the statement and binds each named value (String, LocalDate, Number). */
    public PreparedStatement prepare(Connection connection, Map<String, Object> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbcSql);
        for (int i = 0; i < order.size(); i++) {
            if (!values.containsKey(order.get(i))) {
                statement.close();
                throw new IllegalArgumentException("no value for :" + order.get(i));
            }
            Object value = values.get(order.get(i));
            if (value instanceof LocalDate date) {
                statement.setDate(i + 1, Date.valueOf(date));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
