package nl.evidencestore.command.store;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's JDBC components open a connection per statement and leave transactions to a
 * {@link TransactionManager}; outside Spring Axon ships none. This one binds one connection
 * to the thread for the outermost transaction, so that a command's events, its ledger row
 * and a processor's token commit together, and nested transactions join it.
 */
public final class JdbcTransactions implements TransactionManager, ConnectionProvider {
    private final DataSource dataSource;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        if (bound.get() != null) {
            return JOINED;
        }
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            bound.set(connection);
            return new Outermost(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start a database transaction", e);
        }
    }

    /**
     * The same connections as a DataSource: inside a transaction, the transaction's connection
     * (autocommit off, close() ignored). db-scheduler commits nothing on such a connection, so a
     * deadline scheduled in a command's unit of work is written in the command's transaction.
     */
    public DataSource dataSource() {
        return new JoiningDataSource(this, dataSource);
    }

    /** Inside a transaction: its connection, which Axon's close() must not give back early. */
    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = bound.get();
        return connection == null ? dataSource.getConnection() : uncloseable(connection);
    }

    private static Connection uncloseable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
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
    }

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private final class Outermost implements Transaction {
        private final Connection connection;
        private boolean finished;

        private Outermost(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void commit() {
            finish(true);
        }

        @Override
        public void rollback() {
            finish(false);
        }

        private void finish(boolean commit) {
            if (finished) {
                return; // a failed commit is followed by Axon's rollback: the connection is gone already
            }
            finished = true;
            try {
                if (commit) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot " + (commit ? "commit" : "roll back") + " a database transaction", e);
            } finally {
                bound.remove();
                release();
            }
        }

        private void release() {
            try {
                connection.setAutoCommit(true);
                connection.close();
            } catch (SQLException ignored) {
                // The pool discards a broken connection by itself.
            }
        }
    }
}
