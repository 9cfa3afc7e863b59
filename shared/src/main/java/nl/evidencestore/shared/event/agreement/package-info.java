/** Art. 11 and the signature block: the agreement's lifecycle as events. */
package nl.evidencestore.shared.event.agreement;
