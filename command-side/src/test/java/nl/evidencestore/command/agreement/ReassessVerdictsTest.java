package nl.evidencestore.command.agreement;

import static nl.evidencestore.command.agreement.AgreementTestData.AGREEMENT;
import static nl.evidencestore.command.agreement.AgreementTestData.PROCESSOR_SIGNED;
import static nl.evidencestore.command.agreement.AgreementTestData.drafted;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.evidencestore.command.access.PastAccesses;
import nl.evidencestore.command.access.ReassessVerdicts;
import nl.evidencestore.shared.event.access.VerdictReassessed;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.event.agreement.AmendmentObjected;
import nl.evidencestore.shared.event.agreement.PurposeAdded;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.AmendmentChanges;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.ValidTime;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.rules.AccessFacts;
import nl.evidencestore.shared.rules.EmployeeRegister;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bitemporal verdicts: a term recorded later that holds from before an access changes its verdict by a new fact. */
class ReassessVerdictsTest {
    private static final Instant OCCURRED = Instant.parse("2026-04-15T10:00:00Z");
    private static final Actor SYSTEM = new Actor("robot-1", ActorKind.SYSTEM, null);
    private static final Verdict PURPOSE_NOT_ALLOWED = Verdict.of(List.of(
            new Violation("1.3", "purpose RESEARCH is not allowed by the agreement at that moment")));

    private static final Actor ANNA = new Actor("emp-anna", ActorKind.EMPLOYEE, null);
    private static final Verdict NOT_BOUND = Verdict.of(List.of(
            new Violation("2.3", "the employee was not registered as bound to confidentiality at that moment")));

    private final List<PastAccesses.Judged> past = new ArrayList<>();
    /** The register as the directory answers now: Anna bound to confidentiality from this day, or never. */
    private LocalDate registeredFrom = LocalDate.of(2020, 1, 1);
    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
        fixture.registerInjectableResource((EmployeeRegister) (id, at) -> registeredFrom != null
                && !at.isBefore(ValidTime.startOf(registeredFrom)));
        fixture.registerInjectableResource((PastAccesses) (agreementId, from) -> past.stream()
                .filter(access -> !access.facts().occurredAt().isBefore(from)).toList());
    }

    private static PastAccesses.Judged research(String accessId, Verdict verdict) {
        return new PastAccesses.Judged(accessId, new AccessFacts(SYSTEM, Purpose.of("RESEARCH"), "ticket-1",
                List.of(DataCategory.of("SURNAME")), Country.of("NL"), OCCURRED), verdict, false);
    }

    @Test
    @DisplayName("a purpose consented to from before an access, recorded after it, reassesses its Art. 1.3 violation")
    void aBackDatedConsentReassessesTheAccess() {
        past.add(research("acc-1", PURPOSE_NOT_ALLOWED));
        fixture.given(drafted(), new AgreementTookEffect(AGREEMENT, PROCESSOR_SIGNED),
                        new PurposeAdded(AGREEMENT, Purpose.of("RESEARCH"), "consent-9", LocalDate.of(2026, 4, 1)))
                .when(new ReassessVerdicts(AGREEMENT, "cause-event", ValidTime.startOf(LocalDate.of(2026, 4, 1))))
                .expectEvents(new VerdictReassessed(AGREEMENT, "acc-1", research("acc-1", null).facts(), PURPOSE_NOT_ALLOWED,
                        Verdict.of(List.of()), "cause-event"));
    }

    @Test
    @DisplayName("an access whose verdict the later term does not change, or that occurred before it holds, is left alone")
    void anUnchangedVerdictAppendsNothing() {
        past.add(research("acc-2", PURPOSE_NOT_ALLOWED));
        fixture.given(drafted(), new AgreementTookEffect(AGREEMENT, PROCESSOR_SIGNED),
                        new PurposeAdded(AGREEMENT, Purpose.of("RESEARCH"), "consent-9", LocalDate.of(2026, 5, 1)))
                .when(new ReassessVerdicts(AGREEMENT, "cause-event", ValidTime.startOf(LocalDate.of(2026, 5, 1))))
                .expectNoEvents();
    }

    private static PastAccesses.Judged byAnna(String accessId, Verdict verdict) {
        return new PastAccesses.Judged(accessId, new AccessFacts(ANNA, Purpose.of("REMOTE_SUPPORT"), "ticket-1",
                List.of(DataCategory.of("SURNAME")), Country.of("NL"), OCCURRED), verdict, false);
    }

    @Test
    @DisplayName("Art. 2.3: an employee registered from before an access, recorded after it, reassesses its 2.3 violation")
    void art23ABackDatedRegistrationReassessesTheAccess() {
        past.add(byAnna("acc-3", NOT_BOUND));
        registeredFrom = LocalDate.of(2026, 4, 1);
        fixture.given(drafted(), new AgreementTookEffect(AGREEMENT, PROCESSOR_SIGNED))
                .when(new ReassessVerdicts(AGREEMENT, "employee-event", ValidTime.startOf(registeredFrom)))
                .expectEvents(new VerdictReassessed(AGREEMENT, "acc-3", byAnna("acc-3", null).facts(), NOT_BOUND,
                        Verdict.of(List.of()), "employee-event"));
    }

    @Test
    @DisplayName("Art. 2.3: a revocation from before an access, recorded after it, reassesses it as a 2.3 violation")
    void art23ABackDatedRevocationReassessesTheAccess() {
        past.add(byAnna("acc-4", Verdict.of(List.of())));
        registeredFrom = null;
        fixture.given(drafted(), new AgreementTookEffect(AGREEMENT, PROCESSOR_SIGNED))
                .when(new ReassessVerdicts(AGREEMENT, "employee-event", ValidTime.startOf(LocalDate.of(2026, 4, 10))))
                .expectEvents(new VerdictReassessed(AGREEMENT, "acc-4", byAnna("acc-4", null).facts(),
                        Verdict.of(List.of()), NOT_BOUND, "employee-event"));
    }

    @Test
    @DisplayName("Art. 2.3: a registration reassessed again, with the verdict standing as reassessed, appends nothing")
    void art23AReassessmentRepeatedAppendsNothing() {
        past.add(byAnna("acc-5", Verdict.of(List.of())));
        registeredFrom = LocalDate.of(2026, 4, 1);
        fixture.given(drafted(), new AgreementTookEffect(AGREEMENT, PROCESSOR_SIGNED))
                .when(new ReassessVerdicts(AGREEMENT, "employee-event", ValidTime.startOf(registeredFrom)))
                .expectNoEvents();
    }

    private static final LocalDate BSN_NOTICE = LocalDate.of(2026, 5, 15);
    private static final LocalDate BSN_EFFECTIVE = LocalDate.of(2026, 6, 15);
    private static final LocalDate BSN_OBJECTED = LocalDate.of(2026, 6, 1);
    private static final Verdict BSN_NOT_COVERED = Verdict.of(List.of(
            new Violation("ANNEX_1", "BSN outside the categories the agreement covers")));

    private static PastAccesses.Judged bsn(String accessId, Instant occurredAt, Verdict verdict) {
        return new PastAccesses.Judged(accessId, new AccessFacts(SYSTEM, Purpose.of("REMOTE_SUPPORT"), "ticket-1",
                List.of(DataCategory.of("BSN")), Country.of("NL"), occurredAt), verdict, false);
    }

    @Test
    @DisplayName("an objection recorded after the amendment's effective date reassesses the accesses judged under it (Art. 11.3)")
    void art11_3ALateObjectionReassessesTheAccessesJudgedUnderTheAmendment() {
        // Judged when the amendment stood: BSN not covered before its effective date, covered from it.
        past.add(bsn("acc-before", ValidTime.startOf(BSN_EFFECTIVE).minusSeconds(3600), BSN_NOT_COVERED));
        past.add(bsn("acc-under", ValidTime.startOf(BSN_EFFECTIVE).plusSeconds(3600), Verdict.of(List.of())));
        fixture.given(drafted(), new AgreementTookEffect(AGREEMENT, PROCESSOR_SIGNED),
                        LifecycleTestData.proposed("am-bsn", Party.PROCESSOR, BSN_NOTICE, BSN_EFFECTIVE,
                                new AmendmentChanges(List.of(DataCategory.of("BSN")), null, null, null, null, null)),
                        new AmendmentObjected(AGREEMENT, "am-bsn", Party.CONTROLLER, BSN_OBJECTED, false))
                .when(new ReassessVerdicts(AGREEMENT, "objection-event", ValidTime.startOf(BSN_OBJECTED)))
                .expectEvents(new VerdictReassessed(AGREEMENT, "acc-under",
                        bsn("acc-under", ValidTime.startOf(BSN_EFFECTIVE).plusSeconds(3600), null).facts(),
                        Verdict.of(List.of()), BSN_NOT_COVERED, "objection-event"));
    }
}
