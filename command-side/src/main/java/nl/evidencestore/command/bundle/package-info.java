/**
 * Evidence bundles (Art. 9, docs/evidence-format.md §3): the export recorded on the agreement,
 * a checkpoint that covers it, and one agreement's chain with its proofs written as a ZIP that
 * an auditor verifies offline.
 */
package nl.evidencestore.command.bundle;
