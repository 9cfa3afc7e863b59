package nl.evidencestore.command.submit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Notes the id of every event published inside a unit of work on its root, so that the
 * submitter can answer with the events a command appended.
 */
public final class AppendedEvents implements MessageDispatchInterceptor<EventMessage<?>> {
    private static final String RESOURCE = AppendedEvents.class.getName();

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (CurrentUnitOfWork.isStarted()) {
            List<Appended> appended = appendedIn(CurrentUnitOfWork.get().root());
            messages.forEach(message -> appended.add(new Appended(message.getIdentifier(), message.getPayload())));
        }
        return (index, message) -> message;
    }

    /** One event as published: its id in the store, and its payload. */
    public record Appended(String eventId, Object payload) {
    }

    public static List<Appended> appendedIn(UnitOfWork<?> root) {
        return root.getOrComputeResource(RESOURCE, key -> new ArrayList<Appended>());
    }

    public static List<String> idsOf(UnitOfWork<?> root) {
        return appendedIn(root).stream().map(Appended::eventId).toList();
    }
}
