/** Art. 9: an agreement's audits and their findings. */
package nl.evidencestore.query.audit;
