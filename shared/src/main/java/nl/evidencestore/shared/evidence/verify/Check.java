package nl.evidencestore.shared.evidence.verify;

import java.util.List;

/**
 * One named check of a bundle and its outcome. {@code detail} says what was checked or what
 * failed; {@code failures} name each failure's file, line and event id.
 */
public record Check(String name, Status status, String detail, List<String> failures) {
    public enum Status {
        PASS("PASS"),
        FAIL("FAIL"),
        /** Nothing contradicts it, but the bundle alone cannot prove it (authenticity without a trusted key). */
        NOT_ESTABLISHED("NOT ESTABLISHED"),
        /** The input it needs was not given (an earlier checkpoint). */
        NOT_CHECKED("NOT CHECKED");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Check {
        failures = List.copyOf(failures);
    }

    public static Check pass(String name, String detail) {
        return new Check(name, Status.PASS, detail, List.of());
    }

    public static Check fail(String name, String detail) {
        return new Check(name, Status.FAIL, detail, List.of());
    }

    public static Check fail(String name, String detail, List<String> failures) {
        return new Check(name, Status.FAIL, detail, failures);
    }

    public boolean failed() {
        return status == Status.FAIL;
    }

    /** One line, then one indented line per named failure. */
    public String print() {
        StringBuilder text = new StringBuilder(String.format("%-15s %s", status.label(), name));
        if (detail != null && !detail.isEmpty()) {
            text.append(" — ").append(detail);
        }
        failures.forEach(failure -> text.append("\n    ").append(failure));
        return text.toString();
    }
}
