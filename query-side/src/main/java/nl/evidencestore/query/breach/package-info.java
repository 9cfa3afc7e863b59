/** Art. 6: each breach with its notifications, their delay and lateness, and the deadlines still open. */
package nl.evidencestore.query.breach;
