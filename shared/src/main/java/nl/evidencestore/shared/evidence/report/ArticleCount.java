package nl.evidencestore.shared.evidence.report;

import java.util.List;

/**
 * One article's violations in the period: how many records broke it, and the ids of the first
 * few (an access id, or a disclosure id) so that a reader can look them up in the timeline.
 */
public record ArticleCount(String article, long count, List<String> examples) {
    public ArticleCount {
        examples = List.copyOf(examples);
    }
}
