/** Art. 2.3: the employee register as security staff read it. */
package nl.evidencestore.query.employee;
