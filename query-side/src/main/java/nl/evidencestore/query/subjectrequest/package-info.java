/**
 * Art. 7: each data subject's request with its forwarding and answer deadlines. The views never
 * show the subject reference: deadlines need no identity, and a projection that never holds it
 * has nothing to forget when the subject is erased.
 */
package nl.evidencestore.query.subjectrequest;
