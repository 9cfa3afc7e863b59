/** Crypto-shredding (domain.md, "Personal data inside the store itself"): how events hold a subject reference, and how views read it. */
package nl.evidencestore.shared.subject;
