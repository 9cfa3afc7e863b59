/** Art. 11.1 and the signature block: drafting, signing, taking effect. */
package nl.evidencestore.command.agreement;
