package nl.evidencestore.command.catalog;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.evidencestore.command.submit.IdempotentCommand;
import nl.evidencestore.shared.http.Role;

/**
 * One command as internal systems send it: over HTTP as a POST to {@code path}, or on Kafka as
 * {@code {"type": type, "body": …}}. Path parameters ({@code {agreementId}}) are fields of the
 * command; on Kafka they travel in the body under the same names.
 */
public record CommandRoute(String type, String path, Class<? extends IdempotentCommand> command, Set<Role> roles) {
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    public CommandRoute {
        roles = Set.copyOf(roles);
    }

    /** Commands are published by internal systems; admins may do anything. */
    public static CommandRoute of(String type, String path, Class<? extends IdempotentCommand> command) {
        return new CommandRoute(type, path, command, Set.of(Role.PUBLISHER, Role.ADMIN));
    }

    public List<String> pathParameters() {
        Matcher matcher = PARAMETER.matcher(path);
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
