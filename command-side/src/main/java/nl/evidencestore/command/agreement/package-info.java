/**
 * Art. 1, 3, 11 and the signature block: the agreement's lifecycle, from drafting and signing,
 * through instructions, purposes, sub-processors, consents and amendments, to termination and the
 * deletion that must follow it.
 */
package nl.evidencestore.command.agreement;
