package nl.evidencestore.query.subjectrequest;

import java.util.List;

/** The request list, as an object so that paging can be added without breaking clients. */
record SubjectRequestList(List<SubjectRequestView> items, long position) {
}
