/** The hashes and Merkle proofs that the store writes and the offline verifier checks (RFC 9162, RFC 8785). */
package nl.evidencestore.shared.integrity;
