/** The store's own clock as aggregates read it (Art. 12.1: dates are Amsterdam days). */
package nl.evidencestore.command.time;
