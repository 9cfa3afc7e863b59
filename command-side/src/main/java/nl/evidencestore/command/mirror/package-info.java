/**
 * Art. 6, 7 and 9 in each agreement's own chain: facts of breaches, subject requests and audits,
 * which live in streams of their own, entered into the chains of the agreements they concern.
 */
package nl.evidencestore.command.mirror;
