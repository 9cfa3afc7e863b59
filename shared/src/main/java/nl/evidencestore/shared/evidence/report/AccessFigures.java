package nl.evidencestore.shared.evidence.report;

import java.util.List;

/**
 * What one access adds to the report ({@link ReportFigures#acceptAccess}): its flags, and for a
 * violation its id and the articles it broke, in the verdict's order. Read from the stored
 * payload by {@link StoredAccess}, where the record is never made.
 */
public record AccessFigures(boolean compliant, boolean recordedLate, boolean specialCategories,
                            boolean instructionVerified, String accessId, List<String> articles) {
    /** The sixteen accesses without a violation, made once: nearly every line is one of them. */
    private static final AccessFigures[] WITHOUT_VIOLATIONS = new AccessFigures[16];

    static {
        for (int i = 0; i < WITHOUT_VIOLATIONS.length; i++) {
            WITHOUT_VIOLATIONS[i] = new AccessFigures((i & 1) != 0, (i & 2) != 0, (i & 4) != 0, (i & 8) != 0, null, List.of());
        }
    }

    public AccessFigures {
        articles = List.copyOf(articles);
    }

    /** An access without violations: its id is never shown. */
    public static AccessFigures of(boolean compliant, boolean recordedLate, boolean specialCategories,
                                   boolean instructionVerified) {
        return WITHOUT_VIOLATIONS[(compliant ? 1 : 0) | (recordedLate ? 2 : 0) | (specialCategories ? 4 : 0)
                | (instructionVerified ? 8 : 0)];
    }
}
