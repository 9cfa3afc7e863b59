/** Art. 7: requests of data subjects, their forwarding to the controller, and the answer period. */
package nl.evidencestore.shared.event.subjectrequest;
