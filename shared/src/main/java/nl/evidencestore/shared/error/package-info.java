/** The few domain exceptions; the HTTP edge maps each to one problem status. */
package nl.evidencestore.shared.error;
