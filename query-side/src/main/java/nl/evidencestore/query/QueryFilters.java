package nl.evidencestore.query;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.model.AgreementId;

/** Optional filters of the list queries; errors name the parameter, never echo its value. */
public final class QueryFilters {
    private QueryFilters() {
    }

    public static Optional<Boolean> bool(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return Optional.empty();
        }
        return switch (value) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw new InvalidInput(name, "must be true or false");
        };
    }

    public static <E extends Enum<E>> Optional<E> oneOf(Context ctx, String name, Class<E> type) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .or(() -> {
                    throw new InvalidInput(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                            .map(Enum::name).collect(Collectors.joining(", ")));
                });
    }

    public static Optional<AgreementId> agreementId(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(AgreementId.of(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(name, "must be an agreement id: 1-128 letters, digits, '.', '_', ':' or '-'");
        }
    }
}
