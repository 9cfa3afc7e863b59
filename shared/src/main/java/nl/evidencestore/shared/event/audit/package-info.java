/** Art. 9: audits the controller requests, and their findings. */
package nl.evidencestore.shared.event.audit;
