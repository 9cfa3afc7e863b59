/** Art. 5: the processor's technical and organisational security measures, as evidence. */
package nl.evidencestore.command.securitymeasure;
