package nl.evidencestore.shared.evidence.verify;

import java.util.ArrayList;
import java.util.List;

/** The failures of one check: every one counted, the first few named (file, line, event id). */
final class Findings {
    private static final int NAMED = 10;
    private final String name;
    private final List<String> named = new ArrayList<>();
    private long count;

    Findings(String name) {
        this.name = name;
    }

    void fail(String failure) {
        count++;
        if (named.size() < NAMED) {
            named.add(failure);
        }
    }

    /** A failure at one line of events.jsonl. */
    void fail(LineFacts line, String what) {
        fail(line.where() + ": " + what);
    }

    boolean failed() {
        return count > 0;
    }

    Check result(String passed) {
        if (count == 0) {
            return Check.pass(name, passed);
        }
        String shown = count > named.size() ? " (the first " + named.size() + " shown)" : "";
        return Check.fail(name, count + " failure(s)" + shown, named);
    }
}
