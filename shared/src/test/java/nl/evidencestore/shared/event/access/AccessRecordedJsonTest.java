package nl.evidencestore.shared.event.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.rules.AccessFacts;
import nl.evidencestore.shared.subject.SealedSubject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The payload's form: hashed evidence, so a field added later must leave every earlier access's form as it was. */
class AccessRecordedJsonTest {
    private static final Instant AT = Instant.parse("2026-04-15T10:00:00Z");

    private static AccessRecorded access(boolean ofAnotherAgreement) {
        return new AccessRecorded(AgreementId.of("agr-a"), "acc-1", new Actor("e-1", ActorKind.EMPLOYEE, null),
                Purpose.of("REMOTE_SUPPORT"), "ticket-1", List.of(DataCategory.of("SURNAME")),
                new SealedSubject("key-1", "c3ViamVjdA"), Country.of("NL"), "pacs", AT,
                Verdict.of(List.of(new Violation("1.1", "the cited instruction belongs to another agreement"))),
                false, false, "eea-adequacy-2025-06", ofAnotherAgreement);
    }

    private static String json(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("instructionOfAnotherAgreement is written only when true, and its facts() carry it")
    void writtenOnlyWhenTrue() {
        assertThat(json(access(false))).doesNotContain("instructionOfAnotherAgreement").doesNotContain("facts");
        assertThat(json(access(true))).contains("\"instructionOfAnotherAgreement\":true");
        assertThat(access(true).facts().instructionOfAnotherAgreement()).isTrue();
        assertThat(json(access(false).facts())).doesNotContain("instructionOfAnotherAgreement");
    }

    @Test
    @DisplayName("an access and reassessed facts written before the field existed read as not another agreement's")
    void earlierPayloadsReadAsFalse() {
        assertThat(Json.read(Json.write(access(false)), AccessRecorded.class)).isEqualTo(access(false));
        assertThat(Json.read(Json.write(access(true)), AccessRecorded.class)).isEqualTo(access(true));
        AccessFacts facts = access(false).facts();
        assertThat(Json.read(Json.write(facts), AccessFacts.class)).isEqualTo(facts);
    }
}
