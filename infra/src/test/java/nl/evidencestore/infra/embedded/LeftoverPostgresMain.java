package nl.evidencestore.infra.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * Run in a child JVM by {@link EmbeddedPostgresTest}: starts a server on {@code args[0]} with the
 * binaries in {@code args[1]}, commits a row, prints {@code READY} and waits to be killed.
 */
public final class LeftoverPostgresMain {
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(Path.of(args[0]), Path.of(args[1]));
        try (Connection connection = postgres.dataSource("postgres").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE committed_by_child (note text)");
            statement.execute("INSERT INTO committed_by_child VALUES ('committed before kill -9')");
        }
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
