package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.CountingConnections.counting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import nl.evidencestore.command.subject.SubjectKeys;
import nl.evidencestore.command.subject.SubjectSeals;
import nl.evidencestore.infra.support.SharedInfrastructure;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.subject.SealedSubject;
import nl.evidencestore.shared.subject.SubjectRefs;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The key store of crypto-shredding on the real PostgreSQL: keys commit or roll back with the
 * command's transaction, a batch costs one select and one insert, the tables never hold a
 * reference in clear, and an erased key is gone for good.
 */
class SubjectKeysIT {
    private static final ControllerId NOORD = ControllerId.of("practice-keys-noord");
    private static final ControllerId ZUID = ControllerId.of("practice-keys-zuid");

    private static DataSource database;
    private static CommandSide commands;

    @BeforeAll
    static void start() {
        database = SharedInfrastructure.freshDatabase();
        commands = CommandSide.start(database, SharedInfrastructure.kafkaBootstrap(), SharedInfrastructure.freshTopics("keys"), Duration.ofSeconds(2), new SimpleMeterRegistry());
    }

    @AfterAll
    static void stop() {
        commands.close();
    }

    private static SubjectKeys keys() {
        return commands.subjectKeys();
    }

    @Test
    void aSealedReferenceOpensWhileItsKeyExistsAndTheSameSubjectKeepsItsKey() {
        SealedSubject first = committed(keys(), seals -> seal(seals, NOORD, "patient-keys-1"));
        SealedSubject again = committed(keys(), seals -> seal(seals, NOORD, "patient-keys-1"));

        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.ciphertext()).as("a fresh nonce each time").isNotEqualTo(first.ciphertext());
        assertThat(keys().open(first)).isEqualTo(new SubjectRefs.Readable("patient-keys-1"));
        assertThat(keys().open(again).plaintext()).contains("patient-keys-1");
    }

    @Test
    void eachControllerHasItsOwnKeyForTheSameReference() {
        SealedSubject noord = committed(keys(), seals -> seal(seals, NOORD, "patient-keys-shared"));
        SealedSubject zuid = committed(keys(), seals -> seal(seals, ZUID, "patient-keys-shared"));

        assertThat(zuid.keyId()).isNotEqualTo(noord.keyId());
        assertThat(keys().open(zuid).plaintext()).contains("patient-keys-shared");
    }

    @Test
    void aKeyMadeInATransactionThatRollsBackIsNeitherStoredNorRemembered() {
        DefaultUnitOfWork<?> unitOfWork = unitOfWork();
        SealedSubject rolledBack = seal(keys(), NOORD, "patient-keys-rollback");
        unitOfWork.rollback();

        SealedSubject later = committed(keys(), seals -> seal(seals, NOORD, "patient-keys-rollback"));

        assertThat(keys().open(rolledBack)).isInstanceOf(SubjectRefs.UnknownKey.class);
        assertThat(later.keyId()).isNotEqualTo(rolledBack.keyId());
        assertThat(keys().open(later).plaintext()).contains("patient-keys-rollback");
    }

    @Test
    void anErasureDestroysKeyAndLookupAndALaterFactGetsANewKey() {
        SealedSubject before = committed(keys(), seals -> seal(seals, NOORD, "patient-keys-erased"));

        Optional<String> destroyed = committed(keys(), seals -> seals.erase(NOORD, "patient-keys-erased"));
        SealedSubject after = committed(keys(), seals -> seal(seals, NOORD, "patient-keys-erased"));

        assertThat(destroyed).contains(before.keyId());
        assertThat(keys().open(before)).isEqualTo(new SubjectRefs.Erased(before.keyId()));
        assertThat(after.keyId()).isNotEqualTo(before.keyId());
        assertThat(keys().open(after).plaintext()).contains("patient-keys-erased");
        assertThat(count("SELECT count(*) FROM subject_keys WHERE key_id = '" + before.keyId() + "'")).isZero();
        Optional<String> nothing = committed(keys(), seals -> seals.erase(ZUID, "patient-keys-never-seen"));
        assertThat(nothing).isEmpty();
    }

    @Test
    void anErasureThatRollsBackDestroysNothing() {
        SealedSubject sealed = committed(keys(), seals -> seal(seals, NOORD, "patient-keys-kept"));

        DefaultUnitOfWork<?> unitOfWork = unitOfWork();
        keys().erase(NOORD, "patient-keys-kept");
        unitOfWork.rollback();

        assertThat(keys().open(sealed).plaintext()).contains("patient-keys-kept");
        assertThat(keys().erased(List.of(sealed.keyId()))).isEmpty();
        assertThat(committed(keys(), seals -> seal(seals, NOORD, "patient-keys-kept")).keyId()).isEqualTo(sealed.keyId());
    }

    @Test
    void whichKeysAreErasedIsKnownWithoutAStatementOnceCommittedAndInsideAUnitItsOwnErasureCounts() {
        SealedSubject kept = committed(keys(), seals -> seal(seals, NOORD, "patient-keys-page-kept"));
        SealedSubject gone = committed(keys(), seals -> seal(seals, NOORD, "patient-keys-page-gone"));
        List<String> page = List.of(kept.keyId(), gone.keyId());
        AtomicInteger statements = new AtomicInteger();
        SubjectKeys counted = SubjectKeys.load(counting(commands.transactions(), statements), 10);

        DefaultUnitOfWork<?> unitOfWork = unitOfWork();
        counted.erase(NOORD, "patient-keys-page-gone");
        assertThat(counted.erased(page)).as("its own erasure, not yet committed").containsExactly(gone.keyId());
        unitOfWork.commit();
        int before = statements.get();

        assertThat(counted.erased(page)).containsExactly(gone.keyId());
        assertThat(statements.get()).as("statements for a page's erased keys").isEqualTo(before);
        assertThat(SubjectKeys.load(commands.transactions(), 10).erased(page)).as("a store started afterwards")
                .containsExactly(gone.keyId());
    }

    @Test
    void aBatchOfAThousandNewSubjectsCostsOneSelectAndOneInsertAndRemembersThemAfterwards() {
        List<String> refs = IntStream.range(0, 1000).mapToObj(i -> "patient-keys-batch-" + i).toList();
        AtomicInteger statements = new AtomicInteger();
        SubjectKeys counted = SubjectKeys.load(counting(commands.transactions(), statements), 10_000);

        List<SealedSubject> sealed = committed(counted, seals -> {
            SubjectSeals.Sealer sealer = seals.forSubjects(NOORD, refs);
            return refs.stream().map(sealer::seal).toList();
        });
        int forTheBatch = statements.get();
        committed(counted, seals -> seals.forSubjects(NOORD, refs));
        int forTheSameBatchAgain = statements.get() - forTheBatch;

        // Loading reads the store's secret (an insert and a select) and the erased key ids, before the batch.
        assertThat(forTheBatch).isEqualTo(3 + 2);
        assertThat(forTheSameBatchAgain).as("remembered after the commit").isZero();
        assertThat(sealed.stream().map(SealedSubject::keyId).distinct()).hasSize(1000);
        assertThat(keys().open(sealed.get(999)).plaintext()).contains("patient-keys-batch-999");
    }

    @Test
    void twoTransactionsThatMakeAKeyForTheSameNewSubjectCollideAsTheRaceTheSubmittersRetry() throws Exception {
        CountDownLatch sealed = new CountDownLatch(1);
        CountDownLatch otherCommitted = new CountDownLatch(1);
        CompletableFuture<Throwable> loser = CompletableFuture.supplyAsync(() -> {
            DefaultUnitOfWork<?> unitOfWork = unitOfWork();
            seal(keys(), NOORD, "patient-keys-race");
            sealed.countDown();
            awaitLatch(otherCommitted);
            try {
                unitOfWork.commit();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        awaitLatch(sealed);
        SealedSubject winner = committed(keys(), seals -> seal(seals, NOORD, "patient-keys-race"));
        otherCommitted.countDown();

        assertThat(causes(loser.get(30, TimeUnit.SECONDS))).anyMatch(cause ->
                cause instanceof SQLException sql && "23505".equals(sql.getSQLState()));
        assertThat(committed(keys(), seals -> seal(seals, NOORD, "patient-keys-race")).keyId()).isEqualTo(winner.keyId());
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    @Test
    void theKeyStoreHoldsNoReferenceInClear() {
        committed(keys(), seals -> seal(seals, NOORD, "patient-keys-in-clear"));

        assertThat(tableText("subject_keys")).isNotEmpty().noneMatch(row -> row.contains("patient-keys-in-clear"));
    }

    @Test
    void aCiphertextMovedToAnotherKeyOrAlteredDoesNotOpen() {
        SealedSubject one = committed(keys(), seals -> seal(seals, NOORD, "patient-keys-moved-1"));
        SealedSubject two = committed(keys(), seals -> seal(seals, NOORD, "patient-keys-moved-2"));

        assertThatThrownBy(() -> keys().open(new SealedSubject(two.keyId(), one.ciphertext())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("patient");
    }

    @Test
    void onlyAReferenceThatWasLookedUpIsSealedAndTheRefusalDoesNotQuoteIt() {
        DefaultUnitOfWork<?> unitOfWork = unitOfWork();
        SubjectSeals.Sealer sealer = keys().forSubjects(NOORD, List.of("patient-keys-looked-up"));
        try {
            assertThatThrownBy(() -> sealer.seal("patient-keys-not-looked-up"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("patient");
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void keysAreMadeOnlyInsideACommandsUnitOfWork() {
        assertThatThrownBy(() -> keys().forSubjects(NOORD, List.of("patient-keys-outside")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static SealedSubject seal(SubjectSeals seals, ControllerId controller, String ref) {
        return seals.forSubjects(controller, List.of(ref)).seal(ref);
    }

    private static DefaultUnitOfWork<?> unitOfWork() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(commands.transactions());
        return unitOfWork;
    }

    private static <T> T committed(SubjectKeys keys, Function<SubjectSeals, T> work) {
        DefaultUnitOfWork<?> unitOfWork = unitOfWork();
        T result = work.apply(keys);
        unitOfWork.commit();
        return result;
    }

    private static long count(String sql) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of the table as text, bytea columns decoded as UTF-8 too. */
    private static List<String> tableText(String table) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = row.getMetaData().getColumnCount();
            while (row.next()) {
                StringBuilder text = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    Object value = row.getObject(column);
                    text.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value).append('|');
                }
                rows.add(text.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
