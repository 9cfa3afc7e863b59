/** Kafka at the command side: the evidence log out to the query side, and commands in from internal systems. */
package nl.evidencestore.command.kafka;
