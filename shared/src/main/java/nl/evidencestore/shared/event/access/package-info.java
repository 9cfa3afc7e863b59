/** Art. 1, 2.3, 3, 11 and Annex 1: every access to personal data, with its verdict. */
package nl.evidencestore.shared.event.access;
