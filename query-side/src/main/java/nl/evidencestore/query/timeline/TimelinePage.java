package nl.evidencestore.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One page of the timeline (api.md). {@code total} is exact while {@code totalExact}; past
 * 10,000 hits it is a lower bound. Facets count every hit of the query, not only this page.
 */
public record TimelinePage(List<TimelineItem> items, long total, boolean totalExact,
                           @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor,
                           Map<String, Map<String, Long>> facets) {
}
