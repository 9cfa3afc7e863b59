package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.Principals.AUDITOR;
import static nl.evidencestore.infra.support.Principals.PUBLISHER;
import static nl.evidencestore.infra.support.Requests.draft;
import static nl.evidencestore.infra.support.Requests.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.evidencestore.infra.support.Api;
import nl.evidencestore.command.log.StoredHashes;
import nl.evidencestore.infra.support.StoreUnderTest;
import nl.evidencestore.shared.integrity.LeafHashes;
import nl.evidencestore.shared.integrity.MerkleProofs;
import nl.evidencestore.shared.integrity.MerkleTree;
import nl.evidencestore.shared.integrity.SignedCheckpoint;
import nl.evidencestore.shared.integrity.TreeHash;
import nl.evidencestore.shared.integrity.VerificationKey;
import org.junit.jupiter.api.Test;

/** Every stored event's hash enters the signed log once, and each checkpoint extends the one before. */
class EvidenceLogIT {
    private static final Api api = StoreUnderTest.api();

    @Test
    void theSignedCheckpointCoversEveryStoredEventOnceInItsRoot() throws SQLException {
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-log", "practice-log"));
        api.post("/api/v1/agreements/agr-log/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
        long stored = count("SELECT count(*) FROM DomainEventEntry");

        SignedCheckpoint checkpoint = awaitCheckpointOf(stored);

        assertThat(count("SELECT count(*) FROM DomainEventEntry e LEFT JOIN evidence_log_leaf l "
                + "ON l.stream_id = e.aggregateIdentifier AND l.sequence = e.sequenceNumber AND l.hash = e.hash"
                + " WHERE l.idx IS NULL")).isZero();
        assertThat(count("SELECT count(*) FROM evidence_log_leaf")).isEqualTo(checkpoint.checkpoint().treeSize());
        byte[] root = new MerkleTree(LeafHashes.of(leaves())).root(checkpoint.checkpoint().treeSize());
        assertThat(HexFormat.of().formatHex(root)).isEqualTo(checkpoint.checkpoint().rootHash());
    }

    @Test
    void aLaterCheckpointProvablyExtendsAnEarlierOne() {
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-log-2", "practice-log"));
        SignedCheckpoint earlier = awaitCheckpointOf(count("SELECT count(*) FROM DomainEventEntry"));
        api.post("/api/v1/agreements/agr-log-2/signatures", PUBLISHER, signature("CONTROLLER", "2026-03-01", null));
        SignedCheckpoint later = awaitCheckpointOf(count("SELECT count(*) FROM DomainEventEntry"));
        long from = earlier.checkpoint().treeSize();
        long to = later.checkpoint().treeSize();

        List<byte[]> proof = new ArrayList<>();
        api.get("/api/v1/checkpoints/consistency?from=" + from + "&to=" + to, AUDITOR).json().get("proof")
                .forEach(hash -> proof.add(HexFormat.of().parseHex(hash.asText())));

        assertThat(to).isGreaterThan(from);
        assertThat(MerkleProofs.verifyConsistency(from, to, earlier.checkpoint().rootHashBytes(),
                later.checkpoint().rootHashBytes(), proof)).isTrue();
        assertThat(MerkleProofs.verifyConsistency(from, to, TreeHash.leaf(new byte[32]),
                later.checkpoint().rootHashBytes(), proof)).isFalse();
    }

    @Test
    void proofsFromInsideOldTilesMatchTheTreeRecomputedFromEveryLeaf() throws SQLException {
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-log-tiles", "practice-log"));
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 600; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                    {"accessId":"log-%d","agreementId":"agr-log-tiles","actor":{"id":"robot-7","kind":"SYSTEM"},
                     "purpose":"REMOTE_SUPPORT","categories":["SURNAME"],"subjectRef":"patient-1","country":"NL",
                     "system":"remote-support","occurredAt":"2026-04-01T09:00:00Z"}""".formatted(i));
        }
        assertThat(api.post("/api/v1/access-events", PUBLISHER, batch.append("]").toString()).status()).isEqualTo(201);
        SignedCheckpoint latest = awaitCheckpointOf(count("SELECT count(*) FROM DomainEventEntry"));
        long to = latest.checkpoint().treeSize();
        MerkleTree recomputed = new MerkleTree(LeafHashes.of(leaves().subList(0, (int) to)));

        for (long from : new long[]{1, 255, 256, 257, 511, 512, to - 1, to}) {
            List<byte[]> proof = new ArrayList<>();
            api.get("/api/v1/checkpoints/consistency?from=" + from + "&to=" + to, AUDITOR).json().get("proof")
                    .forEach(hash -> proof.add(HexFormat.of().parseHex(hash.asText())));

            assertThat(proof).as("from %d", from).usingElementComparator(java.util.Arrays::compare)
                    .containsExactlyElementsOf(recomputed.consistencyProof(from, to));
        }
        assertThat(recomputed.root(to)).isEqualTo(latest.checkpoint().rootHashBytes());
    }

    @Test
    void aTreeSizeTheLogHasNotReachedIsA400() {
        assertThat(api.get("/api/v1/checkpoints/consistency?from=1&to=999999999", AUDITOR).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/checkpoints/consistency?from=x&to=1", AUDITOR).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/checkpoints/consistency?to=1", AUDITOR).status()).isEqualTo(400);
    }

    @Test
    void aBatchReadsTheHashesOfItsEventsWhereverTheirTokensPoint() throws SQLException {
        api.post("/api/v1/agreements", PUBLISHER, draft("agr-hashes", "practice-hashes"));
        try (Connection connection = DriverManager.getConnection(StoreUnderTest.eventStoreUrl());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT eventIdentifier, globalIndex, hash FROM DomainEventEntry ORDER BY globalIndex")) {
            Map<String, String> stored = new LinkedHashMap<>();
            List<StoredHashes.Wanted> inRun = new ArrayList<>();
            while (row.next()) {
                stored.put(row.getString(1), row.getString(3));
                inRun.add(new StoredHashes.Wanted(row.getString(1), row.getLong(2)));
            }
            StoredHashes.Wanted firstEvent = inRun.get(0);
            StoredHashes.Wanted lastEvent = inRun.get(inRun.size() - 1);
            // An event that closed a gap carries the token of the highest position seen before it.
            List<StoredHashes.Wanted> gapClosed = List.of(lastEvent,
                    new StoredHashes.Wanted(firstEvent.eventId(), lastEvent.position()));
            List<StoredHashes.Wanted> apart = List.of(firstEvent,
                    new StoredHashes.Wanted(lastEvent.eventId(), lastEvent.position() + 1_000));

            assertThat(StoredHashes.of(connection, inRun)).containsAllEntriesOf(stored);
            for (List<StoredHashes.Wanted> wanted : List.of(gapClosed, apart)) {
                assertThat(StoredHashes.of(connection, wanted)).containsAllEntriesOf(Map.of(
                        firstEvent.eventId(), stored.get(firstEvent.eventId()),
                        lastEvent.eventId(), stored.get(lastEvent.eventId())));
            }
        }
    }

    private static SignedCheckpoint awaitCheckpointOf(long events) {
        VerificationKey key = VerificationKey.fromPem(api.get("/api/v1/public-key", AUDITOR).body());
        return await().atMost(Duration.ofSeconds(30)).until(() -> SignedCheckpoint.parse(
                        api.get("/api/v1/checkpoints/latest", AUDITOR).body().getBytes(StandardCharsets.UTF_8), key),
                signed -> signed.checkpoint().treeSize() >= events);
    }

    private static List<byte[]> leaves() throws SQLException {
        List<byte[]> leaves = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(StoreUnderTest.eventStoreUrl());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT hash FROM evidence_log_leaf ORDER BY idx")) {
            while (row.next()) {
                leaves.add(TreeHash.leaf(HexFormat.of().parseHex(row.getString(1))));
            }
        }
        return leaves;
    }

    private static long count(String sql) {
        try (Connection connection = DriverManager.getConnection(StoreUnderTest.eventStoreUrl());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
