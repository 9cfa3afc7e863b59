/** Follows the evidence log on Kafka and feeds every event to the index and the projections. */
package nl.evidencestore.query.kafka;
