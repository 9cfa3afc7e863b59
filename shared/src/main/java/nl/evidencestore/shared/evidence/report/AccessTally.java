package nl.evidencestore.shared.evidence.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.access.VerdictReassessed;
import nl.evidencestore.shared.event.disclosure.DisclosureRecorded;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;

/**
 * What the period's accesses and disclosures add up to: counts and, per article, a count and a
 * few examples (with the breach notifications and request forwardings that broke Art. 6.1 or 7.1). Only aggregates, so that a million accesses fit in a small heap.
 */
final class AccessTally {
    static final int EXAMPLES = 3;

    private long accesses;
    private long compliant;
    private long recordedLate;
    private long specialCategories;
    private long unverifiedInstructions;
    private long disclosures;
    private long disclosureViolations;
    private long reassessed;
    private final List<VerdictReassessed> reassessments = new ArrayList<>();
    private final Map<String, Tally> articles = new TreeMap<>(Articles.ORDER);

    private static final class Tally {
        private long count;
        private final List<String> examples = new ArrayList<>();
    }

    void access(AccessRecorded access) {
        accesses++;
        compliant += access.verdict().compliant() ? 1 : 0;
        recordedLate += access.recordedLate() ? 1 : 0;
        specialCategories += anySensitive(access.categories()) ? 1 : 0;
        unverifiedInstructions += access.instructionVerified() ? 0 : 1;
        count(access.verdict(), access.accessId());
    }

    /** The same count for an access read in place ({@link StoredAccess}): the same figures, no record. */
    void access(AccessFigures access) {
        accesses++;
        compliant += access.compliant() ? 1 : 0;
        recordedLate += access.recordedLate() ? 1 : 0;
        specialCategories += access.specialCategories() ? 1 : 0;
        unverifiedInstructions += access.instructionVerified() ? 0 : 1;
        if (!access.articles().isEmpty()) {
            countArticles(access.articles().stream().distinct().toList(), access.accessId());
        }
    }

    private static boolean anySensitive(List<DataCategory> categories) {
        for (DataCategory category : categories) {
            if (category.sensitive()) {
                return true;
            }
        }
        return false;
    }

    void disclosure(DisclosureRecorded disclosure) {
        disclosures++;
        disclosureViolations += disclosure.verdict().compliant() ? 0 : 1;
        count(disclosure.verdict(), disclosure.disclosureId());
    }

    void reassessment(VerdictReassessed reassessment) {
        reassessed++;
        if (reassessments.size() < EXAMPLES * 4) {
            reassessments.add(reassessment);
        }
    }

    /** Violations a breach or subject-request fact carries (Art. 6.1, 7.1), counted by the same rule. */
    void violations(List<Violation> violations, String recordId) {
        count(violations, recordId);
    }

    private void count(Verdict verdict, String recordId) {
        count(verdict.violations(), recordId);
    }

    private void count(List<Violation> violations, String recordId) {
        if (violations.isEmpty()) {
            return;
        }
        // One record that breaks an article twice still counts once for it.
        countArticles(violations.stream().map(Violation::article).distinct().toList(), recordId);
    }

    private void countArticles(List<String> distinct, String recordId) {
        distinct.forEach(article -> {
            Tally tally = articles.computeIfAbsent(article, a -> new Tally());
            tally.count++;
            if (tally.examples.size() < EXAMPLES) {
                tally.examples.add(recordId);
            }
        });
    }

    AccessCounts counts() {
        return new AccessCounts(accesses, compliant, accesses - compliant, recordedLate, specialCategories,
                unverifiedInstructions, disclosures, disclosureViolations, reassessed);
    }

    List<ArticleCount> articles() {
        return articles.entrySet().stream()
                .map(e -> new ArticleCount(e.getKey(), e.getValue().count, e.getValue().examples)).toList();
    }

    List<VerdictReassessed> reassessments() {
        return List.copyOf(reassessments);
    }
}
