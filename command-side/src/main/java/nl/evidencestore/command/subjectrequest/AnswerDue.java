package nl.evidencestore.command.subjectrequest;

import java.time.LocalDate;

/** The end of the answer period (GDPR Art. 12(3)), as the deadline manager keeps it. */
public record AnswerDue(LocalDate answerBy) {
    static final String DEADLINE_NAME = "subject-request-answer";
}
