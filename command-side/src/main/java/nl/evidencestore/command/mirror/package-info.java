/**
 * Art. 6 and 7 in each agreement's own chain: facts of breaches and subject requests, which live
 * in streams of their own, entered into the chains of the agreements they concern.
 */
package nl.evidencestore.command.mirror;
