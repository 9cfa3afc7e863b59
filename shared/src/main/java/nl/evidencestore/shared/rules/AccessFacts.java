package nl.evidencestore.shared.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.List;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;

/**
 * What a verdict is computed from: the access as reported, without who it concerns.
 * {@code instructionOfAnotherAgreement} says that the cited instruction was registered, when the
 * access was recorded, for another agreement and not for this one (Art. 1.1): the store looked it
 * up consistently with the append, and it travels with the access, so that a verifier holding
 * only this agreement's streams recomputes the verdict. It never names that other agreement.
 * Written only when true: the facts of every other access keep the form they always had.
 */
public record AccessFacts(Actor actor, Purpose purpose, String instructionRef, List<DataCategory> categories,
                          Country country, Instant occurredAt,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY)
                          boolean instructionOfAnotherAgreement) {

    /** An access whose instruction, if any, is not another agreement's. */
    public AccessFacts(Actor actor, Purpose purpose, String instructionRef, List<DataCategory> categories,
                       Country country, Instant occurredAt) {
        this(actor, purpose, instructionRef, categories, country, occurredAt, false);
    }
}
