package nl.evidencestore.command.bundle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import nl.evidencestore.shared.model.ControllerId;

/** Which bundles exist and whose they are: a download is allowed to the same people as the export. */
final class BundleRegistry {
    private static final String DDL = """
            CREATE TABLE IF NOT EXISTS evidence_bundle (
                bundle_id     VARCHAR(64) PRIMARY KEY,
                agreement_id  VARCHAR(255) NOT NULL,
                controller_id VARCHAR(255) NOT NULL,
                created_by    VARCHAR(255) NOT NULL,
                root_hash     CHAR(64) NOT NULL,
                events        BIGINT NOT NULL,
                created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
            )""";

    private final DataSource dataSource;

    BundleRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(DDL);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the bundle table", e);
        }
    }

    void add(String bundleId, String agreementId, ControllerId controller, String createdBy, String rootHash,
             long events) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO evidence_bundle "
                     + "(bundle_id, agreement_id, controller_id, created_by, root_hash, events) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, bundleId);
            insert.setString(2, agreementId);
            insert.setString(3, controller.value());
            insert.setString(4, createdBy);
            insert.setString(5, rootHash);
            insert.setLong(6, events);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a bundle", e);
        }
    }

    Optional<ControllerId> controllerOf(String bundleId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT controller_id FROM evidence_bundle WHERE bundle_id = ?")) {
            select.setString(1, bundleId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(ControllerId.of(row.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read bundles", e);
        }
    }
}
