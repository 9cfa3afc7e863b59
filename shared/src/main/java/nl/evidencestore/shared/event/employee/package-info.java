/** Art. 2.3: the register of employees bound to confidentiality. */
package nl.evidencestore.shared.event.employee;
