package nl.evidencestore.shared.model;

import java.util.List;

/** An access judged against the agreement as it stood when the access occurred. */
public record Verdict(Outcome verdict, List<Violation> violations) {
    public enum Outcome {
        COMPLIANT,
        VIOLATION
    }

    public Verdict {
        violations = List.copyOf(violations);
    }

    public static Verdict of(List<Violation> violations) {
        return new Verdict(violations.isEmpty() ? Outcome.COMPLIANT : Outcome.VIOLATION, violations);
    }

    public boolean compliant() {
        return verdict == Outcome.COMPLIANT;
    }
}
