package nl.evidencestore.shared.evidence.report;

/**
 * The period at a glance: accesses by verdict, how many arrived late or touched special
 * categories (BSN, health data), disclosures (Art. 8), and verdicts reassessed later.
 */
public record AccessCounts(long accesses, long compliant, long violations, long recordedLate,
                           long specialCategories, long unverifiedInstructions, long disclosures,
                           long disclosureViolations, long reassessed) {
}
