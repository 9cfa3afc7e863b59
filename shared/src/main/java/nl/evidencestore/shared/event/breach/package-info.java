/** Art. 6: breaches and suspected breaches, their notifications, and the deadlines the store watches. */
package nl.evidencestore.shared.event.breach;
