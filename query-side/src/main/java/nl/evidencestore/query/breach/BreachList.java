package nl.evidencestore.query.breach;

import java.util.List;

/** The breach list, as an object so that paging can be added without breaking clients. */
record BreachList(List<BreachView> items, long position) {
}
