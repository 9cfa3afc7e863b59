/** The query side: follows the evidence log through Kafka and answers reads (api.md, Queries and Consistency). */
package nl.evidencestore.query;
