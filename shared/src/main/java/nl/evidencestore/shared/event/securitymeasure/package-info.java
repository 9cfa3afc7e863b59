/** Art. 5: the processor's technical and organisational security measures. */
package nl.evidencestore.shared.event.securitymeasure;
