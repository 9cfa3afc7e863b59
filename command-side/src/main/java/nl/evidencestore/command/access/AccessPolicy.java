package nl.evidencestore.command.access;

import java.time.Duration;

/** How long after it occurred an access may arrive before it is marked as recorded late. */
public record AccessPolicy(Duration recordedLateAfter) {
    public static final AccessPolicy DEFAULT = new AccessPolicy(Duration.ofHours(24));
}
