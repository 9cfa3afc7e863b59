package nl.evidencestore.query.agreement;

import java.util.List;

/** The agreement list, as an object so that paging can be added without breaking clients. */
record AgreementList(List<AgreementSummary> items, long position) {
}
