package nl.evidencestore.shared.http;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What a field should have held, in words a client can act on, from the Java type it binds to. */
final class Expected {
    private static final Set<Class<?>> INTEGERS = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, BigInteger.class);
    private static final Set<Class<?>> NUMBERS = Set.of(double.class, Double.class, float.class, Float.class,
            BigDecimal.class);

    private Expected() {
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return simple(type);
    }

    private static String simple(Class<?> type) {
        if (type == String.class || type == char.class || type == Character.class || fromString(type)) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (INTEGERS.contains(type)) {
            return "an integer";
        }
        if (NUMBERS.contains(type)) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date (yyyy-mm-dd)";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "an ISO-8601 instant such as 2025-01-31T12:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "an object" : "of another type";
    }

    /** Value types such as AgreementId are written as a bare string through a one-argument creator. */
    private static boolean fromString(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isStatic(method.getModifiers()) && method.isAnnotationPresent(JsonCreator.class)
                    && method.getParameterCount() == 1 && method.getParameterTypes()[0] == String.class) {
                return true;
            }
        }
        return false;
    }
}
