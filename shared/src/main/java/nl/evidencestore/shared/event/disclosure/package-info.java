/** Art. 8: disclosures of personal data to third parties, with their verdicts. */
package nl.evidencestore.shared.event.disclosure;
