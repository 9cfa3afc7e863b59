/**
 * Evidence bundles: the lines, files and checks that an auditor's verifier and the store's
 * exporter share (docs/evidence-format.md).
 */
package nl.evidencestore.shared.evidence;
