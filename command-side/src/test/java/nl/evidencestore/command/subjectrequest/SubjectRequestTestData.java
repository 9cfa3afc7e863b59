package nl.evidencestore.command.subjectrequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.command.agreement.AgreementsKnown;
import nl.evidencestore.command.agreement.KnownAgreements;
import nl.evidencestore.command.subject.SealsInMemory;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestForwarded;
import nl.evidencestore.shared.event.subjectrequest.SubjectRequestReceived;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.SubjectRequestId;
import nl.evidencestore.shared.model.SubjectRequestType;

/** A patient's access request, received on Monday 2 March 2026 (Amsterdam winter time until 29 March). */
final class SubjectRequestTestData {
    static final SubjectRequestId REQUEST = SubjectRequestId.of("sr-2026-0042");
    static final AgreementId AGREEMENT = AgreementId.of("agr-noord");
    static final AgreementId UNKNOWN = AgreementId.of("agr-never-drafted");
    static final KnownAgreements KNOWN = AgreementsKnown.allBut(UNKNOWN);
    /** Predictable seals: each test class makes its own, so that key ids do not depend on test order. */
    static final SealsInMemory SEALS = new SealsInMemory();
    static final String SUBJECT = "patient-7f3a";
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    /** Two working days after Monday. */
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 4);
    static final LocalDate THURSDAY = LocalDate.of(2026, 3, 5);
    /** The end of Wednesday in Amsterdam (CET). */
    static final Instant FORWARDING_DUE = Instant.parse("2026-03-04T23:00:00Z");
    static final LocalDate ANSWER_BY = LocalDate.of(2026, 4, 2);
    /** The end of 2 April in Amsterdam (CEST). */
    static final Instant ANSWER_DUE = Instant.parse("2026-04-02T22:00:00Z");
    static final LocalDate EXTENDED_ANSWER_BY = LocalDate.of(2026, 6, 2);
    static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T09:00:00Z");

    private SubjectRequestTestData() {
    }

    static ReceiveSubjectRequest receive(Party by) {
        return new ReceiveSubjectRequest(REQUEST, AGREEMENT, SubjectRequestType.ACCESS, by, MONDAY, SUBJECT);
    }

    static SubjectRequestReceived received(Party by) {
        return new SubjectRequestReceived(REQUEST, AGREEMENT, SubjectRequestType.ACCESS, by, MONDAY,
                SEALS.sealOf(AgreementsKnown.CONTROLLER, SUBJECT),
                by == Party.PROCESSOR ? WEDNESDAY : null, ANSWER_BY);
    }

    static SubjectRequestForwarded forwarded(LocalDate on) {
        boolean late = on.isAfter(WEDNESDAY);
        return new SubjectRequestForwarded(REQUEST, AGREEMENT, on, WEDNESDAY, late,
                late ? List.of(SubjectRequest.FORWARDED_LATE) : List.of());
    }
}
