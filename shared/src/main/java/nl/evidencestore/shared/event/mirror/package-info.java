/**
 * Facts about an agreement that live in other streams (evidence-bundle.md: a breach that touches
 * several agreements, a data subject's request, an audit and its findings), entered into the agreement's own chain as
 * agreement-only events, so that its bundle proves them with completeness.
 */
package nl.evidencestore.shared.event.mirror;
