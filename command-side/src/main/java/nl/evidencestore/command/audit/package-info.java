/** Art. 9: audits the controller requests of the processor, and the findings shared with it. */
package nl.evidencestore.command.audit;
