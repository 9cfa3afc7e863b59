package nl.evidencestore.shared.model;

/** One broken rule: the article in the agreement's own numbering ("1.3", "ANNEX_1"), and why. */
public record Violation(String article, String reason) {
}
