package io.salesrisk.common.persistence;

import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * Set-based SQL inside the caller's JTA transaction: the connection Agroal hands out is the one enlisted in that
 * transaction, so these statements commit or roll back with the Panache writes around them. Only the places named in
 * the README's architecture section use it, each with the figure that justifies it.
 */
@ApplicationScoped
public class Jdbc {

    private final DataSource dataSource;
    private final SqlDialect dialect;

    public Jdbc(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** Runs work that writes; a transaction must be active, so nothing is ever committed statement by statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T write(Function<SqlSession, T> work) {
        return withConnection(work);
    }

    /** Runs work that only reads, in the caller's transaction if there is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> T read(Function<SqlSession, T> work) {
        return withConnection(work);
    }

    private <T> T withConnection(Function<SqlSession, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(SqlSession.on(connection));
        } catch (SQLException e) {
            throw new DataAccessException("no database connection: " + e.getMessage(), e);
        }
    }
}
