package nl.evidencestore.infra.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedInfrastructure.class)
class SharedInfrastructureTest {

    @Test
    void handsOutOneBrokerAndOneServerButAFreshDatabaseEachTime() throws SQLException {
        assertThat(SharedInfrastructure.kafkaBootstrap()).isEqualTo(SharedInfrastructure.kafkaBootstrap())
                .startsWith("127.0.0.1:");

        DataSource first = SharedInfrastructure.freshDatabase();
        DataSource second = SharedInfrastructure.freshDatabase();
        execute(first, "CREATE TABLE only_in_first (id int)");

        assertThat(single(first, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'")).isEqualTo("1");
        assertThat(single(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'")).isEqualTo("0");
        assertThat(single(first, "SELECT current_database()"))
                .isNotEqualTo(single(second, "SELECT current_database()"));
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String single(DataSource db, String query) throws SQLException {
        try (Connection connection = db.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
