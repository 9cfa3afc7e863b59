package nl.evidencestore.query.obligation;

import java.util.List;

/** The open obligations, soonest due first. */
record ObligationList(List<Obligation> items, long position) {
}
