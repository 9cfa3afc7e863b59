/** Art. 2.3: the register of employees bound to confidentiality, kept beside their events for verdicts. */
package nl.evidencestore.command.employee;
