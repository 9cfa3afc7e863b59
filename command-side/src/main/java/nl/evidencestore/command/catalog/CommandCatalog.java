package nl.evidencestore.command.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.evidencestore.command.agreement.DraftAgreement;
import nl.evidencestore.command.agreement.SignAgreement;

/** Every command the store takes, by its Kafka type name; HTTP routes are made from the same list. */
public final class CommandCatalog {
    private final Map<String, CommandRoute> byType = new LinkedHashMap<>();

    public static CommandCatalog standard() {
        CommandCatalog catalog = new CommandCatalog();
        // Art. 11.1 and the signature block
        catalog.add(CommandRoute.of("agreements", "/api/v1/agreements", DraftAgreement.class));
        catalog.add(CommandRoute.of("agreements/signatures", "/api/v1/agreements/{agreementId}/signatures",
                SignAgreement.class));
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
