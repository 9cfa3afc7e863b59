package nl.evidencestore.shared.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.agreement.AgreementTerminated;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.event.agreement.AmendmentProposed;
import nl.evidencestore.shared.event.agreement.DataLocationRegistered;
import nl.evidencestore.shared.event.agreement.DeletionObligationFulfilled;
import nl.evidencestore.shared.event.agreement.DeletionObligationOpened;
import nl.evidencestore.shared.event.agreement.RetentionHoldPlaced;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.AmendmentChanges;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.ControllerParty;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.ProcessorParty;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.ValidTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the shared fold answers beyond the access rules: amendments' standing, and deletion after the end. */
class AgreementTermsTest {
    private static final AgreementId A = AgreementId.of("agr-terms");
    private static final LocalDate END = LocalDate.of(2026, 9, 1);
    private static final Instant DUE = ValidTime.startOf(LocalDate.of(2026, 10, 1));
    private static final List<DataCategory> PHOTOS = List.of(DataCategory.of("DENTAL_PHOTOS"));

    private final AgreementTerms terms = new AgreementTerms();

    private void given(AgreementEvent... events) {
        terms.apply(new AgreementDrafted(A, new ControllerParty(ControllerId.of("practice"), "Praktijk", "Straat 1", "J. Jansen"),
                new ProcessorParty("Citodent Imaging B.V.", "Amstel 312", "P. Reijers"), "0".repeat(64), "1",
                List.of(DataCategory.of("SURNAME")), List.of(Purpose.of("REMOTE_SUPPORT")), List.of(), false));
        terms.apply(new AgreementTookEffect(A, LocalDate.of(2026, 3, 5)));
        for (AgreementEvent event : events) {
            terms.apply(event);
        }
    }

    private static Instant on(String day) {
        return ValidTime.startOf(LocalDate.parse(day)).plusSeconds(3600);
    }

    @Test
    @DisplayName("an amendment taking effect on or after the end lapses and changes nothing (Art. 11.2, 11.3)")
    void anAmendmentAfterTheEndLapses() {
        given(new AmendmentProposed(A, "am-1", Party.PROCESSOR, "BSN too", LocalDate.of(2026, 8, 1), END, "1".repeat(64),
                        new AmendmentChanges(List.of(DataCategory.of("BSN")), null, null, null, null, null)),
                new AgreementTerminated(A, END, "ended"));

        assertThat(terms.amendmentsAt(on("2026-08-15"))).extracting(AmendmentAt::status).containsExactly(AmendmentAt.Status.PROPOSED);
        assertThat(terms.amendmentsAt(on("2026-09-02"))).extracting(AmendmentAt::status).containsExactly(AmendmentAt.Status.LAPSED);
        assertThat(terms.at(on("2026-09-02")).categories()).containsExactly(DataCategory.of("SURNAME"));
    }

    @Test
    @DisplayName("a hold that ends before deletion is due leaves its location open under the obligation (Art. 11.2)")
    void aShortHoldLeavesItsLocationOpen() {
        given(new DataLocationRegistered(A, "archive-1", "archive"),
                new RetentionHoldPlaced(A, "archive-1", "WGBO", LocalDate.of(2026, 9, 10), PHOTOS),
                new AgreementTerminated(A, END, "ended"),
                new DeletionObligationOpened(A, DUE, List.of("archive-1")));

        DeletionAt during = terms.deletionAt(on("2026-09-05"));
        assertThat(during.locations().get(0).state()).isEqualTo(DeletionAt.LocationAt.State.HELD);
        assertThat(during.obligation().status()).isEqualTo(DeletionAt.ObligationAt.Status.OPEN);
        assertThat(during.obligation().openLocationIds()).containsExactly("archive-1");
        assertThat(terms.locations().allClosed()).isFalse();
        assertThat(terms.locations().overdueAt(DUE)).containsExactly("archive-1");
        assertThat(terms.deletionAt(on("2026-10-01")).obligation().status()).isEqualTo(DeletionAt.ObligationAt.Status.OVERDUE);
    }

    @Test
    @DisplayName("a location registered after the obligation was fulfilled reopens it (Art. 11.2)")
    void aLateLocationReopensTheObligation() {
        given(new AgreementTerminated(A, END, "ended"), new DeletionObligationOpened(A, DUE, List.of()),
                new DeletionObligationFulfilled(A, END));
        assertThat(terms.locations().obligationOpen()).isFalse();

        terms.apply(new DataLocationRegistered(A, "usb-3", "a stick found later"));

        assertThat(terms.locations().obligationOpen()).isTrue();
        assertThat(terms.deletionAt(on("2026-09-15")).obligation().status()).isEqualTo(DeletionAt.ObligationAt.Status.OPEN);
        assertThat(terms.deletionAt(on("2026-09-15")).locations().get(0).dueAt()).isEqualTo(DUE);
    }

    @Test
    @DisplayName("before the end there is no obligation, and a hold that outlasts the due instant closes its location (Art. 11.2)")
    void aLongHoldClosesItsLocation() {
        given(new DataLocationRegistered(A, "archive-1", "archive"),
                new RetentionHoldPlaced(A, "archive-1", "WGBO", LocalDate.of(2046, 9, 1), PHOTOS));
        assertThat(terms.deletionAt(on("2026-08-01")).obligation()).isNull();

        terms.apply(new AgreementTerminated(A, END, "ended"));
        terms.apply(new DeletionObligationOpened(A, DUE, List.of("archive-1")));

        assertThat(terms.locations().allClosed()).isTrue();
        assertThat(terms.locations().holdsBeyondDue()).containsEntry("archive-1", LocalDate.of(2046, 9, 1));
        assertThat(terms.deletionAt(on("2026-10-02")).obligation().status()).isEqualTo(DeletionAt.ObligationAt.Status.FULFILLED);
        assertThat(terms.deletionAt(on("2026-10-02")).locations().get(0).dueAt())
                .isEqualTo(DataLocations.holdEnds(LocalDate.of(2046, 9, 1)));
    }
}
