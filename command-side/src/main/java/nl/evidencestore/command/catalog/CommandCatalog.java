package nl.evidencestore.command.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.evidencestore.command.agreement.AgreementCommands;
import nl.evidencestore.command.audit.AuditCommands;
import nl.evidencestore.command.disclosure.DisclosureCommands;
import nl.evidencestore.command.employee.EmployeeCommands;
import nl.evidencestore.command.securitymeasure.SecurityMeasureCommands;
import nl.evidencestore.command.breach.BreachCommands;
import nl.evidencestore.command.subject.SubjectCommands;
import nl.evidencestore.command.subjectrequest.SubjectRequestCommands;

/** Every command the store takes, by its Kafka type name; HTTP routes are made from the same list. */
public final class CommandCatalog {
    private final Map<String, CommandRoute> byType = new LinkedHashMap<>();

    /** Each room lists its own commands; one line per room here. */
    public static CommandCatalog standard() {
        CommandCatalog catalog = new CommandCatalog();
        AgreementCommands.routes().forEach(catalog::add);
        EmployeeCommands.routes().forEach(catalog::add);
        SecurityMeasureCommands.routes().forEach(catalog::add);
        DisclosureCommands.routes().forEach(catalog::add);
        AuditCommands.routes().forEach(catalog::add);
        BreachCommands.routes().forEach(catalog::add);
        SubjectRequestCommands.routes().forEach(catalog::add);
        SubjectCommands.routes().forEach(catalog::add);
        return catalog;
    }

    public CommandCatalog add(CommandRoute route) {
        if (byType.putIfAbsent(route.type(), route) != null) {
            throw new IllegalArgumentException("two commands of type " + route.type());
        }
        return this;
    }

    public Optional<CommandRoute> byType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public List<CommandRoute> routes() {
        return List.copyOf(byType.values());
    }
}
