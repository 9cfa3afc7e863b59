package nl.evidencestore.shared.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** The field paths of api.md: {@code [17].categories[2]}, {@code controller.name}; {@code $} is the body itself. */
final class JsonPath {
    static final String ROOT = "$";
    /** A field name is the one part of the input a path repeats; a hostile one must not fill the response. */
    private static final int MAX_NAME = 100;

    private JsonPath() {
    }

    static String of(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append('.').append(name(reference.getFieldName()));
            }
        }
        return normalise(path.toString());
    }

    static String normalise(String path) {
        String relative = path.startsWith(".") ? path.substring(1) : path;
        return relative.isEmpty() ? ROOT : relative;
    }

    static String name(String fieldName) {
        String printable = fieldName.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() <= MAX_NAME ? printable : printable.substring(0, MAX_NAME) + "…";
    }
}
