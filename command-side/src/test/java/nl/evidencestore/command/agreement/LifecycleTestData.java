package nl.evidencestore.command.agreement;

import static nl.evidencestore.command.agreement.AgreementTestData.AGREEMENT;
import static nl.evidencestore.command.agreement.AgreementTestData.CONTROLLER_SIGNED;
import static nl.evidencestore.command.agreement.AgreementTestData.PROCESSOR_SIGNED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.agreement.AgreementTerminated;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.event.agreement.AmendmentProposed;
import nl.evidencestore.shared.event.agreement.DataLocationRegistered;
import nl.evidencestore.shared.event.agreement.DeletionConfirmed;
import nl.evidencestore.shared.event.agreement.DeletionObligationOpened;
import nl.evidencestore.shared.event.agreement.RetentionHoldPlaced;
import nl.evidencestore.shared.model.AmendmentChanges;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Party;
import nl.evidencestore.shared.model.ValidTime;

/** The agreement of {@link AgreementTestData} in force from 5 March 2026, and what happens to it after. */
final class LifecycleTestData {
    static final LocalDate EFFECTIVE = PROCESSOR_SIGNED;
    /** Before anything in these tests is due: deadlines set in commands are then in the future. */
    static final Instant EARLY = Instant.parse("2026-03-10T09:00:00Z");
    static final LocalDate TERMINATED = LocalDate.of(2026, 9, 1);
    /** 30 days after 00:00 Amsterdam on the day the agreement ended. */
    static final Instant DUE = ValidTime.startOf(LocalDate.of(2026, 10, 1));
    static final String CERTIFICATE = "c".repeat(64);
    static final String AMENDMENT_TEXT = "a".repeat(64);
    static final List<DataCategory> PHOTOS = List.of(DataCategory.of("DENTAL_PHOTOS"));

    private LifecycleTestData() {
    }

    /** Drafted, signed by both, in force. */
    static AgreementEvent[] inForce() {
        return new AgreementEvent[]{AgreementTestData.drafted(),
                AgreementTestData.signed(Party.CONTROLLER, CONTROLLER_SIGNED, null),
                AgreementTestData.signed(Party.PROCESSOR, PROCESSOR_SIGNED, null),
                new AgreementTookEffect(AGREEMENT, EFFECTIVE)};
    }

    static AgreementEvent[] inForceWith(AgreementEvent... more) {
        AgreementEvent[] base = inForce();
        AgreementEvent[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    static DataLocationRegistered location(String id) {
        return new DataLocationRegistered(AGREEMENT, id, "where " + id + " keeps data");
    }

    static RegisterDataLocation registerLocation(String id) {
        return new RegisterDataLocation(AGREEMENT, id, "where " + id + " keeps data");
    }

    static AgreementTerminated terminated() {
        return new AgreementTerminated(AGREEMENT, TERMINATED, "the practice closed");
    }

    static TerminateAgreement terminate() {
        return new TerminateAgreement(AGREEMENT, TERMINATED, "the practice closed");
    }

    static DeletionObligationOpened opened(String... locations) {
        return new DeletionObligationOpened(AGREEMENT, DUE, List.of(locations));
    }

    static ConfirmDeletion delete(String location, LocalDate on) {
        return new ConfirmDeletion(AGREEMENT, location, on, "secure erase", PHOTOS, CERTIFICATE);
    }

    static DeletionConfirmed deleted(String location, LocalDate on) {
        return new DeletionConfirmed(AGREEMENT, location, on, "secure erase", PHOTOS, CERTIFICATE);
    }

    static PlaceRetentionHold hold(String location, LocalDate until) {
        return new PlaceRetentionHold(AGREEMENT, location, "WGBO art. 7:454 BW, on the practice's written instruction",
                until, PHOTOS);
    }

    static RetentionHoldPlaced held(String location, LocalDate until) {
        return new RetentionHoldPlaced(AGREEMENT, location, "WGBO art. 7:454 BW, on the practice's written instruction",
                until, PHOTOS);
    }

    static ProposeAmendment propose(String id, Party by, LocalDate notice, LocalDate effective, AmendmentChanges changes) {
        return new ProposeAmendment(AGREEMENT, id, by, "amendment " + id, notice, effective, AMENDMENT_TEXT, changes);
    }

    static AmendmentProposed proposed(String id, Party by, LocalDate notice, LocalDate effective, AmendmentChanges changes) {
        return new AmendmentProposed(AGREEMENT, id, by, "amendment " + id, notice, effective, AMENDMENT_TEXT, changes);
    }
}
