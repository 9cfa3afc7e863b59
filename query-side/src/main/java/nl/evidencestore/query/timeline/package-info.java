/** The searchable log of every event on the query side; the access timeline (Art. 9.2 system logs) builds on it. */
package nl.evidencestore.query.timeline;
