/** Every open deadline in one list: breach notifications (Art. 6.1), subject requests (Art. 7.1), deletions (Art. 11.2). */
package nl.evidencestore.query.obligation;
