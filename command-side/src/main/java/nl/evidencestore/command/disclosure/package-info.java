/** Art. 8: disclosures to third parties, recorded in their agreement's stream with a verdict. */
package nl.evidencestore.command.disclosure;
