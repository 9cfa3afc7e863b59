package nl.evidencestore.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import org.junit.jupiter.api.Test;

/** The ledger's digest covers these bytes: they must be Jackson's, byte for byte, or a repeat would look new. */
class ReportedAccessJsonTest {
    private static final String PLAIN = "aZ09-_/.: ~!#";
    private static final String AWKWARD = PLAIN + "\"\\\b\n\t\u0000\u001f\u007f\u00e9\u20ac\ud83d\ude00";

    @Test
    void writesWhatJacksonWritesForPlainText() {
        Random random = new Random(5);
        for (int i = 0; i < 2_000; i++) {
            ReportedAccess access = access(random, PLAIN);
            assertThat(new String(ReportedAccessJson.write(access), StandardCharsets.UTF_8))
                    .isEqualTo(new String(Json.write(access), StandardCharsets.UTF_8));
        }
    }

    @Test
    void writesWhatJacksonWritesForAnyText() {
        Random random = new Random(6);
        for (int i = 0; i < 2_000; i++) {
            ReportedAccess access = access(random, AWKWARD);
            assertThat(ReportedAccessJson.write(access)).isEqualTo(Json.write(access));
        }
    }

    private static ReportedAccess access(Random random, String alphabet) {
        ActorKind kind = ActorKind.values()[random.nextInt(ActorKind.values().length)];
        Actor actor = new Actor("actor-" + random.nextInt(100), kind,
                kind == ActorKind.SUB_PROCESSOR ? "sp-" + random.nextInt(5) : null);
        List<DataCategory> categories = new ArrayList<>();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            categories.add(DataCategory.of(random.nextBoolean() ? "SURNAME" : "DENTAL_PHOTOS"));
        }
        return new ReportedAccess("acc-" + random.nextInt(1_000), AgreementId.of("agr-" + random.nextInt(50)), actor,
                Purpose.of("REMOTE_SUPPORT"), random.nextBoolean() ? null : text(random, alphabet), categories,
                text(random, alphabet), Country.of(random.nextBoolean() ? "NL" : "IN"), text(random, alphabet),
                Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(3) * 1_000L * random.nextInt(1_000_000)));
    }

    private static String text(Random random, String alphabet) {
        StringBuilder text = new StringBuilder("x");
        for (int n = random.nextInt(12); n > 0; n--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
