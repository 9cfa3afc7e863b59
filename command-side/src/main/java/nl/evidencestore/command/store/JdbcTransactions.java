package nl.evidencestore.command.store;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's JDBC components open a connection per statement and leave transactions to a
 * {@link TransactionManager}; outside Spring Axon ships none. This one binds one connection
 * to the thread for the outermost transaction, so that a command's events, its ledger row
 * and a processor's token commit together, and nested transactions join it.
 *
 * <p>Threads that carry events onwards (the event processors and the event store's reader)
 * take their connections from a pool of their own: under a burst of requests every request
 * connection is busy, and a forwarder waiting behind them would hold back every query's
 * freshness (quality.md W3) for as long as the burst lasts.
 */
public final class JdbcTransactions implements TransactionManager, ConnectionProvider {
    private final DataSource requests;
    private final DataSource pipeline;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    private final ThreadLocal<Boolean> onPipeline = ThreadLocal.withInitial(() -> false);

    /** One pool for every thread: for tests and tools that run no pipeline under load. */
    public JdbcTransactions(DataSource dataSource) {
        this(dataSource, dataSource);
    }

    /** {@code pipeline} serves the threads made by {@link #pipelineThreads}; {@code requests} every other. */
    public JdbcTransactions(DataSource requests, DataSource pipeline) {
        this.requests = requests;
        this.pipeline = pipeline;
    }

    /** Threads named {@code name-N} whose connections come from the pipeline's pool. */
    public ThreadFactory pipelineThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> new Thread(() -> {
            onPipeline.set(true);
            runnable.run();
        }, name + "-" + count.getAndIncrement());
    }

    private DataSource pool() {
        return onPipeline.get() ? pipeline : requests;
    }

    @Override
    public Transaction startTransaction() {
        if (bound.get() != null) {
            return JOINED;
        }
        try {
            Connection connection = pool().getConnection();
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
        return new JoiningDataSource(this, requests);
    }

    /** Inside a transaction: its connection, which Axon's close() must not give back early. */
    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = bound.get();
        return connection == null ? pool().getConnection() : uncloseable(connection);
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
