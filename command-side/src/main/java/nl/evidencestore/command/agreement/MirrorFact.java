package nl.evidencestore.command.agreement;

import nl.evidencestore.shared.event.mirror.MirroredFact;
import nl.evidencestore.shared.model.AgreementId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Enter a fact recorded in another stream (a breach's, a subject request's, an audit's) into this
 * agreement's chain, in its agreement-only form. Sent by the store itself, at least once per
 * source event: the agreement enters each source event once.
 */
public record MirrorFact(@TargetAggregateIdentifier AgreementId agreementId, MirroredFact fact) {
    public MirrorFact {
        if (agreementId == null || fact == null || !agreementId.equals(fact.agreementId())) {
            throw new IllegalArgumentException("a mirrored fact enters the chain of the agreement it names");
        }
    }
}
