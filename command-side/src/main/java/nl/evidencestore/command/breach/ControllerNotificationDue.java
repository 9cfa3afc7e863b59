package nl.evidencestore.command.breach;

import java.time.Instant;
import nl.evidencestore.shared.model.AgreementId;

/** The deadline for notifying one agreement's controller (Art. 6.1), as the deadline manager keeps it. */
public record ControllerNotificationDue(AgreementId agreementId, Instant dueAt) {
    /** One name per agreement, so that notifying one controller cancels that clock only. */
    static String deadlineName(AgreementId agreementId) {
        return "breach-controller-notification/" + agreementId.value();
    }
}
