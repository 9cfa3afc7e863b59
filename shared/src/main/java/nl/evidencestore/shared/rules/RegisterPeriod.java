package nl.evidencestore.shared.rules;

import java.time.Instant;
import java.time.LocalDate;
import nl.evidencestore.shared.model.ValidTime;

/**
 * Art. 2.3 — one stretch of an employee's registration: from the day the confidentiality duty
 * was confirmed up to (not including) the day of revocation, each from 00:00 Amsterdam.
 */
public record RegisterPeriod(LocalDate registeredOn, LocalDate revokedOn) {
    public RegisterPeriod {
        if (registeredOn == null) {
            throw new IllegalArgumentException("registeredOn is required");
        }
        if (revokedOn != null && revokedOn.isBefore(registeredOn)) {
            throw new IllegalArgumentException("revokedOn precedes registeredOn");
        }
    }

    public boolean open() {
        return revokedOn == null;
    }

    public boolean holdsAt(Instant instant) {
        return ValidTime.holds(registeredOn, instant) && (revokedOn == null || !ValidTime.holds(revokedOn, instant));
    }

    public RegisterPeriod revokedOn(LocalDate on) {
        return new RegisterPeriod(registeredOn, on);
    }
}
