/**
 * GDPR Art. 17 inside the store (domain.md, "Personal data inside the store itself"): subject
 * references sealed under per-subject keys, and erasure by destroying the key (crypto-shredding).
 */
package nl.evidencestore.command.subject;
