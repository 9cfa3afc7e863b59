package nl.evidencestore.command.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.access.VerdictReassessed;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.AgreementId;
import org.axonframework.common.jdbc.ConnectionProvider;

/**
 * {@link PastAccesses} read from the event table in the current transaction, so that the
 * reassessment sees exactly what the append it is part of sees. The {@code occurredAt} column
 * (the hash chain's) narrows the accesses read to those that occurred since the instant.
 */
public final class StoredAccesses implements PastAccesses {
    private static final ObjectMapper EVENTS = Json.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ConnectionProvider connections;

    public StoredAccesses(ConnectionProvider connections) {
        this.connections = connections;
    }

    @Override
    public List<Judged> occurredSince(AgreementId agreementId, Instant from) {
        Map<String, Judged> judged = new LinkedHashMap<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT payloadType, payload FROM DomainEventEntry"
                     + " WHERE aggregateIdentifier = ? AND (payloadType = ? OR (payloadType = ?"
                     + " AND (occurredAt IS NULL OR occurredAt >= ?))) ORDER BY sequenceNumber")) {
            select.setFetchSize(1000);
            select.setString(1, agreementId.value());
            select.setString(2, VerdictReassessed.class.getName());
            select.setString(3, AccessRecorded.class.getName());
            // The column holds one fixed-width UTC form: text order is time order.
            select.setString(4, EventHash.format(from));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    apply(judged, row.getString(1), row.getBytes(2), from);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the agreement's accesses", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(judged.values());
    }

    private static void apply(Map<String, Judged> judged, String type, byte[] payload, Instant from) throws IOException {
        if (type.equals(AccessRecorded.class.getName())) {
            AccessRecorded access = EVENTS.readValue(payload, AccessRecorded.class);
            if (!access.occurredAt().isBefore(from)) {
                judged.put(access.accessId(), new Judged(access.accessId(), access.facts(), access.verdict(),
                        access.instructionVerified()));
            }
            return;
        }
        VerdictReassessed reassessed = EVENTS.readValue(payload, VerdictReassessed.class);
        judged.computeIfPresent(reassessed.accessId(),
                (id, before) -> new Judged(id, before.facts(), reassessed.current(), before.instructionVerified()));
    }
}
