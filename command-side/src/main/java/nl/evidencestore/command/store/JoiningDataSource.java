package nl.evidencestore.command.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * {@link JdbcTransactions} for libraries that take a DataSource and ask it for a connection per
 * statement (db-scheduler): on a thread inside a transaction they get its connection, elsewhere
 * a pooled one of their own.
 */
final class JoiningDataSource implements DataSource {
    private final JdbcTransactions transactions;
    private final DataSource pool;

    JoiningDataSource(JdbcTransactions transactions, DataSource pool) {
        this.transactions = transactions;
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return transactions.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the store's connections carry their own credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }
}
