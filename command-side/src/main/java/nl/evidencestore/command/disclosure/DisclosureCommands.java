package nl.evidencestore.command.disclosure;

import java.util.List;
import nl.evidencestore.command.catalog.CommandRoute;

/** Disclosures as internal systems report them (api.md, Commands); the agreement's aggregate records them. */
public final class DisclosureCommands {
    private DisclosureCommands() {
    }

    public static List<CommandRoute> routes() {
        return List.of(
                // Art. 8
                CommandRoute.of("disclosures", "/api/v1/disclosures", RecordDisclosure.class));
    }
}
