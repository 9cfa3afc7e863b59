package nl.evidencestore.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.agreement.AgreementTerminated;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.event.agreement.AmendmentObjected;
import nl.evidencestore.shared.event.agreement.AmendmentProposed;
import nl.evidencestore.shared.event.agreement.InstructionRegistered;
import nl.evidencestore.shared.event.agreement.PurposeAdded;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentGranted;
import nl.evidencestore.shared.event.agreement.SubProcessorConsentRevoked;
import nl.evidencestore.shared.event.agreement.SubProcessorProposed;
import nl.evidencestore.shared.event.agreement.TransferConsentGranted;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AmendmentChanges;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.ControllerParty;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.ProcessorParty;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.SubProcessor;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.terms.AgreementTerms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each rule of domain.md, broken and kept, judged by the one implementation in shared. */
class AccessRulesTest {
    private static final AgreementId A = AgreementId.of("agr-rules");
    private static final Instant DURING = Instant.parse("2026-04-15T10:00:00Z");
    private static final Purpose SUPPORT = Purpose.of("REMOTE_SUPPORT");
    private static final DataCategory SURNAME = DataCategory.of("SURNAME");
    private static final EmployeeRegister EVERYONE_REGISTERED = (id, at) -> true;

    private final AgreementTerms terms = new AgreementTerms();

    private void given(AgreementEvent... events) {
        apply(new AgreementDrafted(A, new ControllerParty(ControllerId.of("practice"), "Praktijk", "Straat 1", "J. Jansen"),
                new ProcessorParty("Citodent Imaging B.V.", "Amstel 312", "P. Reijers"), "0".repeat(64), "1",
                List.of(SURNAME, DataCategory.of("DENTAL_PHOTOS")), List.of(SUPPORT),
                List.of(new SubProcessor("sp-listed", "Listed B.V.", "NL", "hosting")), false));
        apply(new AgreementTookEffect(A, LocalDate.of(2026, 3, 5)));
        for (AgreementEvent event : events) {
            apply(event);
        }
    }

    private void apply(AgreementEvent event) {
        terms.apply(event);
    }

    private static AccessFacts access(Actor actor, String purpose, String instruction, String country, Instant at,
                                      String... categories) {
        List<DataCategory> touched = categories.length == 0 ? List.of(SURNAME)
                : java.util.Arrays.stream(categories).map(DataCategory::of).toList();
        return new AccessFacts(actor, Purpose.of(purpose), instruction, touched, Country.of(country), at);
    }

    private static AccessFacts compliant(Instant at) {
        return access(employee(), "REMOTE_SUPPORT", "ticket-1", "NL", at);
    }

    private static Actor employee() {
        return new Actor("emp-1", ActorKind.EMPLOYEE, null);
    }

    private Set<String> articles(AccessFacts access) {
        return articles(access, EVERYONE_REGISTERED);
    }

    private Set<String> articles(AccessFacts access, EmployeeRegister employees) {
        return Set.copyOf(AccessRules.judge(access, terms, employees).verdict().violations().stream()
                .map(Violation::article).toList());
    }

    @Test
    @DisplayName("an access within the agreement is compliant")
    void compliantAccess() {
        given();
        assertThat(AccessRules.judge(compliant(DURING), terms, EVERYONE_REGISTERED).verdict().compliant()).isTrue();
    }

    @Test
    @DisplayName("access before the agreement took effect violates Art. 11.1")
    void beforeEffect() {
        given();
        assertThat(articles(compliant(Instant.parse("2026-03-04T22:59:59Z")))).containsExactly("11.1");
        assertThat(articles(compliant(Instant.parse("2026-03-04T23:00:00Z")))).isEmpty();
    }

    @Test
    @DisplayName("access on or after termination violates Art. 11.2")
    void afterTermination() {
        given(new AgreementTerminated(A, LocalDate.of(2026, 6, 1), "contract ended"));
        assertThat(articles(compliant(Instant.parse("2026-06-01T08:00:00Z")))).containsExactly("11.2");
        assertThat(articles(compliant(Instant.parse("2026-05-31T08:00:00Z")))).isEmpty();
    }

    @Test
    @DisplayName("a purpose the agreement does not allow violates Art. 1.3; one added with consent does not (Art. 1.2)")
    void purposes() {
        given(new PurposeAdded(A, Purpose.of("TRAINING"), "consent-7", LocalDate.of(2026, 5, 1)));
        assertThat(articles(access(employee(), "TRAINING", "t", "NL", DURING))).containsExactly("1.3");
        assertThat(articles(access(employee(), "TRAINING", "t", "NL", Instant.parse("2026-05-02T08:00:00Z")))).isEmpty();
    }

    @Test
    @DisplayName("an access without an instruction violates Art. 1.1")
    void noInstruction() {
        given();
        assertThat(articles(access(employee(), "REMOTE_SUPPORT", null, "NL", DURING))).containsExactly("1.1");
    }

    @Test
    @DisplayName("a registered instruction that expired or covers another purpose violates Art. 1.1")
    void registeredInstruction() {
        given(new InstructionRegistered(A, "ticket-9", "SUPPORT_TICKET", LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 10), List.of(SUPPORT), List.of(SURNAME)));
        assertThat(AccessRules.judge(access(employee(), "REMOTE_SUPPORT", "ticket-9", "NL",
                Instant.parse("2026-04-05T08:00:00Z")), terms, EVERYONE_REGISTERED).instructionVerified()).isTrue();
        assertThat(articles(access(employee(), "REMOTE_SUPPORT", "ticket-9", "NL", Instant.parse("2026-04-05T08:00:00Z")))).isEmpty();
        assertThat(articles(access(employee(), "REMOTE_SUPPORT", "ticket-9", "NL", DURING))).containsExactly("1.1");
        assertThat(articles(access(employee(), "REMOTE_SUPPORT", "ticket-9", "NL", Instant.parse("2026-04-05T08:00:00Z"),
                "DENTAL_PHOTOS"))).containsExactly("1.1");
    }

    @Test
    @DisplayName("an unregistered instruction is unverified, and a violation of Art. 1.1 only where registration is required")
    void unregisteredInstruction() {
        given();
        AccessRules.Judgement judgement = AccessRules.judge(compliant(DURING), terms, EVERYONE_REGISTERED);
        assertThat(judgement.instructionVerified()).isFalse();
        assertThat(judgement.verdict().compliant()).isTrue();
    }

    @Test
    @DisplayName("Art. 1.1: an instruction registered for another agreement is a violation, told without naming that agreement")
    void instructionOfAnotherAgreement() {
        given();
        AccessFacts elsewhere = new AccessFacts(employee(), SUPPORT, "ticket-1", List.of(SURNAME), Country.of("NL"),
                DURING, true);
        AccessRules.Judgement judgement = AccessRules.judge(elsewhere, terms, EVERYONE_REGISTERED);
        assertThat(judgement.instructionVerified()).isFalse();
        assertThat(judgement.verdict().violations())
                .containsExactly(new Violation("1.1", "the cited instruction belongs to another agreement"));
    }

    @Test
    @DisplayName("Art. 1.1: an instruction this agreement registered is judged by its terms, whoever else registered the id")
    void ownInstructionAlsoRegisteredElsewhere() {
        given(new InstructionRegistered(A, "ticket-1", "SUPPORT_TICKET", LocalDate.of(2026, 4, 1), null,
                List.of(SUPPORT), List.of(SURNAME)));
        AccessFacts alsoElsewhere = new AccessFacts(employee(), SUPPORT, "ticket-1", List.of(SURNAME), Country.of("NL"),
                DURING, true);
        AccessRules.Judgement judgement = AccessRules.judge(alsoElsewhere, terms, EVERYONE_REGISTERED);
        assertThat(judgement.instructionVerified()).isTrue();
        assertThat(judgement.verdict().compliant()).isTrue();
    }

    @Test
    @DisplayName("a category outside Annex 1 of the agreement is a violation of Annex 1")
    void categoryOutsideAnnex() {
        given();
        assertThat(articles(access(employee(), "REMOTE_SUPPORT", "t", "NL", DURING, "BSN"))).containsExactly("ANNEX_1");
        assertThat(articles(access(employee(), "REMOTE_SUPPORT", "t", "NL", DURING, "DENTAL_PHOTOS"))).isEmpty();
    }

    @Test
    @DisplayName("access by an employee not registered at that moment violates Art. 2.3")
    void unregisteredEmployee() {
        given();
        EmployeeRegister nobody = (id, at) -> false;
        assertThat(articles(compliant(DURING), nobody)).containsExactly("2.3");
        Actor system = new Actor("backup-job", ActorKind.SYSTEM, null);
        assertThat(articles(access(system, "REMOTE_SUPPORT", "t", "NL", DURING), nobody)).isEmpty();
    }

    @Test
    @DisplayName("access by a sub-processor without consent violates Art. 3.1; Annex 2 and a consent in force do not")
    void subProcessorConsent() {
        given(new SubProcessorProposed(A, new SubProcessor("sp-new", "New B.V.", "DE", "conversion")),
                new SubProcessorConsentGranted(A, "sp-new", "consent-3", LocalDate.of(2026, 4, 1), null),
                new SubProcessorConsentRevoked(A, "sp-new", LocalDate.of(2026, 5, 1)),
                new SubProcessorConsentRevoked(A, "sp-listed", LocalDate.of(2026, 5, 1)));
        Actor newStaff = new Actor("x", ActorKind.SUB_PROCESSOR, "sp-new");
        Actor listedStaff = new Actor("y", ActorKind.SUB_PROCESSOR, "sp-listed");
        assertThat(articles(access(newStaff, "REMOTE_SUPPORT", "t", "DE", Instant.parse("2026-03-20T08:00:00Z")))).containsExactly("3.1");
        assertThat(articles(access(newStaff, "REMOTE_SUPPORT", "t", "DE", DURING))).isEmpty();
        assertThat(articles(access(newStaff, "REMOTE_SUPPORT", "t", "DE", Instant.parse("2026-05-02T08:00:00Z")))).containsExactly("3.1");
        assertThat(articles(access(listedStaff, "REMOTE_SUPPORT", "t", "NL", DURING))).isEmpty();
        assertThat(articles(access(listedStaff, "REMOTE_SUPPORT", "t", "NL", Instant.parse("2026-05-02T08:00:00Z")))).containsExactly("3.1");
    }

    @Test
    @DisplayName("processing outside the EEA without adequacy or consent violates Art. 3.2")
    void transfers() {
        given(new TransferConsentGranted(A, Country.of("IN"), "consent-in", LocalDate.of(2026, 4, 20)));
        assertThat(articles(access(employee(), "REMOTE_SUPPORT", "t", "IN", DURING))).containsExactly("3.2");
        assertThat(articles(access(employee(), "REMOTE_SUPPORT", "t", "IN", Instant.parse("2026-04-21T08:00:00Z")))).isEmpty();
        assertThat(articles(access(employee(), "REMOTE_SUPPORT", "t", "JP", DURING))).isEmpty();
        assertThat(articles(access(employee(), "REMOTE_SUPPORT", "t", "US", DURING))).containsExactly("3.2");
        assertThat(articles(access(employee(), "REMOTE_SUPPORT", "t", "GB", DURING))).isEmpty();
    }

    @Test
    @DisplayName("an amendment applies from its effective date, and never when the other party objected (Art. 11.3)")
    void amendments() {
        AmendmentChanges addBsn = new AmendmentChanges(List.of(DataCategory.of("BSN")), null, null, null, null, null);
        AmendmentChanges addPhone = new AmendmentChanges(List.of(DataCategory.of("PHONE_NUMBER")), null, null, null, null, null);
        given(new AmendmentProposed(A, "am-1", Party.PROCESSOR, "BSN too", LocalDate.of(2026, 4, 1),
                        LocalDate.of(2026, 5, 1), "1".repeat(64), addBsn),
                new AmendmentProposed(A, "am-2", Party.PROCESSOR, "phone too", LocalDate.of(2026, 4, 1),
                        LocalDate.of(2026, 5, 1), "2".repeat(64), addPhone),
                new AmendmentObjected(A, "am-2", Party.CONTROLLER, LocalDate.of(2026, 4, 10), false));
        Instant june = Instant.parse("2026-06-01T08:00:00Z");
        assertThat(articles(access(employee(), "REMOTE_SUPPORT", "t", "NL", DURING, "BSN"))).containsExactly("ANNEX_1");
        assertThat(articles(access(employee(), "REMOTE_SUPPORT", "t", "NL", june, "BSN"))).isEmpty();
        assertThat(articles(access(employee(), "REMOTE_SUPPORT", "t", "NL", june, "PHONE_NUMBER"))).containsExactly("ANNEX_1");
    }
}
