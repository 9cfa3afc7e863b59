package nl.evidencestore.command.kafka;

import java.sql.SQLException;
import java.util.StringJoiner;

/** Failures as the ingest logs them: classes and SQL states, no messages, which can quote what was sent. */
final class Failures {
    private static final int MAX_CAUSES = 5;

    private Failures() {
    }

    static String summary(Throwable failure) {
        StringJoiner chain = new StringJoiner(" caused by ");
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            String state = cause instanceof SQLException sql && sql.getSQLState() != null ? " " + sql.getSQLState() : "";
            chain.add(cause.getClass().getName() + state);
        }
        return chain.toString();
    }
}
