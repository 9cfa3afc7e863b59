/**
 * The facts the store records, as records in the domain's words, one sealed root per kind of
 * stream. Agreement streams are named by the agreement id; every other stream's id starts with
 * its kind and a slash ({@code employee/emp-7}, {@code breach/br-1}), a character no client id
 * may contain, so that no two streams can share an id.
 */
package nl.evidencestore.shared.event;
