package nl.evidencestore.command.submit;

import java.util.List;

/** What a command appended, where in the log, and whether it was a repeat of an earlier one. */
public record Receipt(List<String> eventIds, long position, boolean repeated) {
}
