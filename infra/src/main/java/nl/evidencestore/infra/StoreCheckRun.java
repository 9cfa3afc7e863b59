package nl.evidencestore.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import nl.evidencestore.command.log.StoreCheck;
import nl.evidencestore.infra.embedded.EmbeddedPostgres;
import nl.evidencestore.shared.integrity.SigningKey;
import nl.evidencestore.shared.integrity.VerificationKey;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code java -jar … check}: the whole store re-verified from its tables. With the embedded
 * database the store must be stopped (its server belongs to the running store); an external
 * one is read while the store runs, in one read-only snapshot. It takes no {@link DatabaseLease}:
 * it writes nothing, so the rules the lease protects do not concern it.
 */
public final class StoreCheckRun {
    private StoreCheckRun() {
    }

    public static List<StoreCheck.Result> run(Settings settings) {
        VerificationKey key = key(settings);
        if (settings.embeddedEventStore()) {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings.dataDir().resolve("pg"))) {
                return new StoreCheck(postgres.dataSource(EvidenceStore.DATABASE), key).run();
            }
        }
        PGSimpleDataSource external = new PGSimpleDataSource();
        external.setUrl(settings.eventStoreUrl());
        external.setUser(settings.eventStoreUser());
        external.setPassword(settings.eventStorePassword());
        return new StoreCheck(external, key).run();
    }

    private static VerificationKey key(Settings settings) {
        try {
            return SigningKey.fromPem(Files.readString(settings.signingKey(), StandardCharsets.US_ASCII)).verificationKey();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key " + settings.signingKey(), e);
        }
    }
}
