/** Art. 7: requests of data subjects, forwarded by the processor to the controller, answered within the GDPR's period. */
package nl.evidencestore.command.subjectrequest;
