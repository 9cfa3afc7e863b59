package nl.evidencestore.shared.evidence.verify;

import java.util.List;
import java.util.Optional;

/** Every check of one bundle, in the order they were made, and the one-line conclusion. */
public record Verification(List<Check> checks) {
    public Verification {
        checks = List.copyOf(checks);
    }

    public boolean failed() {
        return checks.stream().anyMatch(Check::failed);
    }

    public Optional<Check> check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Check.Status status(String name) {
        return check(name).map(Check::status).orElseThrow(() -> new IllegalArgumentException("no check " + name));
    }

    /** Never says "verified" unless the key was one the auditor trusts. */
    public String summary() {
        List<String> failed = checks.stream().filter(Check::failed).map(Check::name).toList();
        if (!failed.isEmpty()) {
            return "VERIFICATION FAILED — " + failed.size() + " check(s) failed: " + String.join(", ", failed);
        }
        List<String> notChecked = checks.stream().filter(c -> c.status() == Check.Status.NOT_CHECKED)
                .map(Check::name).toList();
        String unchecked = notChecked.isEmpty() ? "" : "; " + String.join(" and ", notChecked)
                + " NOT CHECKED: no --previous-checkpoint given";
        if (status(Checks.AUTHENTICITY) == Check.Status.NOT_ESTABLISHED) {
            return "INTEGRITY OK — authenticity NOT ESTABLISHED: no --public-key given" + unchecked;
        }
        return "VERIFIED with the given public key" + unchecked;
    }

    public String print() {
        StringBuilder text = new StringBuilder();
        checks.forEach(check -> text.append(check.print()).append('\n'));
        return text.append(summary()).append('\n').toString();
    }
}
