package nl.evidencestore.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One page of the timeline (api.md). {@code total} and the facets count every hit of the
 * query, not only this page; {@code totalExact} is false should the total ever be a lower bound
 * (quality.md W4 allows one past 10,000 hits), {@code facetsExact} is false when the facets were
 * counted on a sample of the hits and scaled up (past 100,000 hits).
 */
public record TimelinePage(List<TimelineItem> items, long total, boolean totalExact,
                           @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor,
                           Map<String, Map<String, Long>> facets, boolean facetsExact) {
}
