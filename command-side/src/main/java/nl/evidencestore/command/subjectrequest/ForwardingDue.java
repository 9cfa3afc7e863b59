package nl.evidencestore.command.subjectrequest;

import java.time.LocalDate;

/** The deadline for forwarding a request to the controller (Art. 7.1), as the deadline manager keeps it. */
public record ForwardingDue(LocalDate forwardBy) {
    static final String DEADLINE_NAME = "subject-request-forwarding";
}
