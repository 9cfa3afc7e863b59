package nl.evidencestore.shared.evidence;

import java.time.Instant;
import java.util.Objects;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;

/**
 * What a bundle covers and who made it: the agreement, its controller, the period of
 * {@code recordedAt} it proves ({@code from} and {@code to} both inclusive), and the export.
 */
public record BundleScope(String bundleId, AgreementId agreementId, ControllerId controllerId, Instant from,
                          Instant to, Instant createdAt, String createdBy) {
    public BundleScope {
        Objects.requireNonNull(bundleId, "bundleId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(controllerId, "controllerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
    }

    /** Whether an event recorded at this instant lies inside the period. */
    public boolean covers(Instant recordedAt) {
        return !recordedAt.isBefore(from) && !recordedAt.isAfter(to);
    }
}
