package nl.evidencestore.shared.rules;

import java.time.Instant;
import java.util.List;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;

/** What a verdict is computed from: the access as reported, without who it concerns. */
public record AccessFacts(Actor actor, Purpose purpose, String instructionRef, List<DataCategory> categories,
                          Country country, Instant occurredAt) {
}
