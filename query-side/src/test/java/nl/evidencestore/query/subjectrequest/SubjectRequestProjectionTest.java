package nl.evidencestore.query.subjectrequest;

import static nl.evidencestore.query.Fixtures.addAsRecords;
import static nl.evidencestore.query.Fixtures.forwarded;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import nl.evidencestore.query.AppliedPosition;
import nl.evidencestore.query.agreement.AgreementControllers;
import nl.evidencestore.query.obligation.DeadlineState;
import nl.evidencestore.query.obligation.ObligationKind;
import nl.evidencestore.query.timeline.TimelineIndex;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestEvent;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestExtended;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestForwarded;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestForwardingOverdue;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestReceived;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestResolved;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.SubjectRequestId;
import nl.evidencestore.shared.model.SubjectRequestType;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.subject.SealedSubject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubjectRequestProjectionTest {
    private static final SubjectRequestId REQUEST = SubjectRequestId.of("sr-42");
    private static final AgreementId AGREEMENT = AgreementId.of("agr-noord");
    private static final ControllerId PRACTICE = ControllerId.of("practice-noord");
    private static final AgreementControllers CONTROLLERS = agreement ->
            Optional.ofNullable(Map.of(AGREEMENT, PRACTICE).get(agreement));
    /** As the command side seals it: the views must carry neither the key's ciphertext nor anything else of it. */
    private static final SealedSubject SUBJECT = new SealedSubject("3f0c6d0e-key", "bm9uY2UxMjM0NTY3Y2lwaGVydGV4dHRhZw==");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 4);
    private static final LocalDate ANSWER_BY = LocalDate.of(2026, 4, 2);
    /** The end of Wednesday in Amsterdam. */
    private static final Instant FORWARDING_DUE = Instant.parse("2026-03-04T23:00:00Z");
    private static final Violation LATE = new Violation("7.1", "forwarded after the limit");

    private final SubjectRequestProjection projection = new SubjectRequestProjection(new AppliedPosition(50), CONTROLLERS);

    private static SubjectRequestReceived received() {
        return new SubjectRequestReceived(REQUEST, AGREEMENT, SubjectRequestType.ACCESS, Party.PROCESSOR, MONDAY,
                SUBJECT, WEDNESDAY, ANSWER_BY);
    }

    private static List<ForwardedEvent> stream(SubjectRequestEvent... events) {
        return IntStream.range(0, events.length)
                .mapToObj(i -> forwarded("ev-sr-" + i, i, 40 + i, Instant.parse("2026-03-02T10:00:00Z"), events[i]))
                .toList();
    }

    private SubjectRequestView at(Instant now) {
        return projection.request(REQUEST, now).orElseThrow();
    }

    @Test
    void aRequestTheProcessorReceivedIsToBeForwardedByTheEndOfItsLastWorkingDay() {
        stream(received()).forEach(projection::on);

        SubjectRequestView before = at(FORWARDING_DUE.minusMillis(1));
        SubjectRequestView after = at(FORWARDING_DUE);

        assertThat(before.status()).isEqualTo(SubjectRequestStatus.RECEIVED);
        assertThat(before.controllerId()).isEqualTo(PRACTICE);
        assertThat(before.forwarding().dueAt()).isEqualTo(FORWARDING_DUE);
        assertThat(before.overdue()).isFalse();
        assertThat(after.overdue()).isTrue();
        assertThat(after.forwarding().late()).isTrue();
        assertThat(after.answer().overdue()).isFalse();
    }

    @Test
    void aLateForwardingCarriesItsArticle71Violation() {
        stream(received(), new SubjectRequestForwardingOverdue(REQUEST, AGREEMENT, WEDNESDAY, LATE),
                new SubjectRequestForwarded(REQUEST, AGREEMENT, LocalDate.of(2026, 3, 6), WEDNESDAY, true, List.of(LATE)))
                .forEach(projection::on);

        SubjectRequestView request = at(Instant.parse("2026-03-07T10:00:00Z"));

        assertThat(request.status()).isEqualTo(SubjectRequestStatus.FORWARDED);
        assertThat(request.forwarding().state()).isEqualTo(DeadlineState.MET);
        assertThat(request.forwarding().late()).isTrue();
        assertThat(request.forwarding().overdueRecorded()).isTrue();
        assertThat(request.forwarding().violations()).containsExactly(LATE);
        assertThat(request.overdue()).isFalse();
    }

    @Test
    void anExtensionMovesTheAnswerDeadlineAndAResolutionMeetsIt() {
        LocalDate extendedTo = LocalDate.of(2026, 6, 2);
        stream(received(), new SubjectRequestForwarded(REQUEST, AGREEMENT, MONDAY, WEDNESDAY, false, List.of()),
                new SubjectRequestExtended(REQUEST, AGREEMENT, LocalDate.of(2026, 3, 20), "archived", ANSWER_BY, extendedTo))
                .forEach(projection::on);
        Instant inMay = Instant.parse("2026-05-01T10:00:00Z");

        assertThat(at(inMay).answer().answerBy()).isEqualTo(extendedTo);
        assertThat(at(inMay).answer().extension().previousAnswerBy()).isEqualTo(ANSWER_BY);
        assertThat(at(inMay).overdue()).isFalse();

        stream(received(), new SubjectRequestForwarded(REQUEST, AGREEMENT, MONDAY, WEDNESDAY, false, List.of()),
                new SubjectRequestExtended(REQUEST, AGREEMENT, LocalDate.of(2026, 3, 20), "archived", ANSWER_BY, extendedTo),
                new SubjectRequestResolved(REQUEST, AGREEMENT, LocalDate.of(2026, 5, 4), "records sent", extendedTo, false))
                .forEach(projection::on);

        assertThat(at(inMay).status()).isEqualTo(SubjectRequestStatus.RESOLVED);
        assertThat(at(inMay).answer().state()).isEqualTo(DeadlineState.MET);
        assertThat(at(inMay).answer().outcome()).isEqualTo("records sent");
        assertThat(projection.openObligations(inMay)).isEmpty();
    }

    @Test
    void theOpenDeadlinesAreObligations() {
        stream(received()).forEach(projection::on);

        assertThat(projection.openObligations(FORWARDING_DUE))
                .extracting(open -> open.obligation().kind(), open -> open.obligation().overdue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ObligationKind.SUBJECT_REQUEST_FORWARDING, true),
                        org.assertj.core.groups.Tuple.tuple(ObligationKind.SUBJECT_REQUEST_ANSWER, false));
    }

    @Test
    void noViewShowsTheSubjectReference() {
        stream(received()).forEach(projection::on);

        assertThat(new String(Json.write(projection.requests(FORWARDING_DUE)))).doesNotContain(SUBJECT.ciphertext());
        assertThat(new String(Json.write(projection.openObligations(FORWARDING_DUE)))).doesNotContain(SUBJECT.ciphertext());
    }

    @Test
    void keepsOnlyTheKeyIdOfTheSubject() {
        stream(received()).forEach(projection::on);

        assertThat(projection.subjectKeyOf(REQUEST)).contains(SUBJECT.keyId());
    }

    @Test
    void reloadsFromTheIndexAfterARestart(@TempDir Path dir) {
        try (TimelineIndex index = TimelineIndex.open(dir)) {
            addAsRecords(index, stream(received(),
                    new SubjectRequestForwarded(REQUEST, AGREEMENT, MONDAY, WEDNESDAY, false, List.of())));
            index.refresh();

            projection.reloadFrom(index);
        }

        assertThat(at(FORWARDING_DUE).status()).isEqualTo(SubjectRequestStatus.FORWARDED);
    }
}
