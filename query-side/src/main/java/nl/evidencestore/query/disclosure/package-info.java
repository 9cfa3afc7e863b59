/** Art. 8: an agreement's disclosures to third parties, with their verdicts. */
package nl.evidencestore.query.disclosure;
