package nl.evidencestore.infra.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.jdbc.ConnectionProvider;

/** Connections that count the statements prepared on them: how a test proves "one query per batch". */
public final class CountingConnections {
    private CountingConnections() {
    }

    /** The same connections, counting the statements prepared on them into {@code statements}. */
    public static ConnectionProvider counting(ConnectionProvider connections, AtomicInteger statements) {
        return () -> {
            Connection connection = connections.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                            statements.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }
}
