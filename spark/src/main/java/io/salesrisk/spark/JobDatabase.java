package io.salesrisk.spark;

import java.io.PrintWriter;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where the service's PostgreSQL is, as the driver and every executor connect to it. Serializable: it travels with
 * each task. The password comes from the job's arguments or, better, the environment variable
 * {@code SALESRISK_JDBC_PASSWORD} (spark-submit passes it to executors with {@code spark.executorEnv.*}).
 */
public record JobDatabase(String url, String user, String password) implements Serializable {

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        String secret = password != null ? password : System.getenv("SALESRISK_JDBC_PASSWORD");
        if (secret != null) {
            properties.setProperty("password", secret);
        }
        properties.setProperty("ApplicationName", "salesrisk-spark");
        return DriverManager.getConnection(url, properties);
    }

    /**
     * The connection as a DataSource whose connections do not close it: the service's query classes take a
     * DataSource and close what they get, while the task keeps one connection (and one transaction) per chunk.
     */
    static DataSource borrowing(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(JobDatabase.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new DataSource() {
            @Override
            public Connection getConnection() {
                return unclosable;
            }

            @Override
            public Connection getConnection(String username, String password) {
                return unclosable;
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
