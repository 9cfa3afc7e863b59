package nl.evidencestore.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One page of the timeline (api.md). {@code total} and the facets count every hit of the
 * query, not only this page, up to 100,000 hits. Past that (quality.md W4 allows it past 10,000)
 * the rest of the hits are sampled: {@code total} is then the hits counted, a lower bound, with
 * {@code totalExact} false, and the facets are scaled up from the sample, with
 * {@code facetsExact} false.
 */
public record TimelinePage(List<TimelineItem> items, long total, boolean totalExact,
                           @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor,
                           Map<String, Map<String, Long>> facets, boolean facetsExact) {
}
