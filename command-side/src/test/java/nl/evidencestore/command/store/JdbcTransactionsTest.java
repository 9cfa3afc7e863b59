package nl.evidencestore.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.api.Test;

class JdbcTransactionsTest {
    private final Pool requests = new Pool();
    private final Pool pipeline = new Pool();
    private final JdbcTransactions transactions = new JdbcTransactions(requests.dataSource(), pipeline.dataSource());

    @Test
    void aPipelineThreadTakesItsTransactionsAndStatementsFromThePipelinesPool() throws Exception {
        runOn(transactions.pipelineThreads("EventProcessor[forwarder]"), () -> {
            Transaction transaction = transactions.startTransaction();
            transactions.getConnection();
            transaction.commit();
            transactions.getConnection().close();
        });

        assertThat(pipeline.borrowers).containsExactly("EventProcessor[forwarder]-0", "EventProcessor[forwarder]-0");
        assertThat(requests.borrowers).isEmpty();
    }

    @Test
    void anyOtherThreadTakesTheRequestsPool() throws Exception {
        Thread request = new Thread(() -> {
            Transaction transaction = transactions.startTransaction();
            transaction.commit();
        }, "http-request");
        request.start();
        request.join();
        transactions.dataSource().getConnection().close();

        assertThat(requests.borrowers).containsExactly("http-request", Thread.currentThread().getName());
        assertThat(pipeline.borrowers).isEmpty();
    }

    @Test
    void threadsOfOneFactoryAreNumberedAndANestedTransactionJoinsTheOuterOnesConnection() throws Exception {
        var threads = transactions.pipelineThreads("EmbeddedEventStore");
        runOn(threads, () -> {
        });
        runOn(threads, () -> {
            Transaction outer = transactions.startTransaction();
            Transaction inner = transactions.startTransaction();
            inner.commit();
            outer.commit();
        });

        assertThat(pipeline.borrowers).containsExactly("EmbeddedEventStore-1");
    }

    private static void runOn(java.util.concurrent.ThreadFactory threads, ThrowingRunnable work) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread thread = threads.newThread(() -> {
            try {
                work.run();
            } catch (Exception e) {
                failure.set(e);
            }
        });
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A pool that remembers which thread borrowed each connection. */
    private static final class Pool {
        final List<String> borrowers = new CopyOnWriteArrayList<>();

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("getConnection")) {
                            borrowers.add(Thread.currentThread().getName());
                            return connection();
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        private static Connection connection() {
            return (Connection) Proxy.newProxyInstance(Pool.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);
        }
    }
}
