/**
 * The human side of an evidence bundle (Art. 9): {@code timeline.csv} and {@code report.html},
 * rendered byte for byte alike by the store and by the offline verifier.
 */
package nl.evidencestore.shared.evidence.report;
