package nl.evidencestore.infra.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A database that a test can take away: while it is down, no new connection is handed out. */
public final class DatabaseOutage {
    private final DataSource database;
    private volatile boolean down;

    public DatabaseOutage(DataSource database) {
        this.database = database;
    }

    /** The database as the code under test gets it. */
    public DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (down && method.getName().equals("getConnection")) {
                        throw new SQLException("the database is down for this test", "08001");
                    }
                    try {
                        return method.invoke(database, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    public void begin() {
        down = true;
    }

    public void end() {
        down = false;
    }
}
