/** Art. 5 and 2.2: the processor's security measures, for anyone entitled to read evidence. */
package nl.evidencestore.query.securitymeasure;
