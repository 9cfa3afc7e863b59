/** Art. 6: breaches and suspected breaches, their notifications (6.3) and the deadlines for them (6.1). */
package nl.evidencestore.command.breach;
