package nl.evidencestore.shared.model;

/** The person or system behind an access; a sub-processor's staff name their sub-processor. */
public record Actor(String id, ActorKind kind, String subProcessorId) {
    public Actor {
        Token.id(id, "actor.id");
        Token.required(kind, "actor.kind");
        if (kind == ActorKind.SUB_PROCESSOR) {
            Token.id(subProcessorId, "actor.subProcessorId");
        } else if (subProcessorId != null) {
            throw new IllegalArgumentException("actor.subProcessorId is only for actors of kind SUB_PROCESSOR");
        }
    }
}
