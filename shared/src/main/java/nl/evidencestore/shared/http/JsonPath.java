package nl.evidencestore.shared.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The field paths of api.md: {@code [17].categories[2]}, {@code controller.name}; {@code $} is the body itself. */
final class JsonPath {
    static final String ROOT = "$";
    /** A field name is the one part of the input a path repeats; a hostile one must not fill the response. */
    private static final int MAX_NAME = 100;
    private static final Pattern SEGMENT = Pattern.compile("\\[\\d+]|[^.\\[]+");

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

    /**
     * The path of {@code field}, as a record names it, within the record at {@code path}. A record
     * may name its fields from further out ({@code controller.name} within {@code controller}):
     * the segments the two share are not repeated.
     */
    static String within(String path, String field) {
        List<String> outer = path.equals(ROOT) ? List.of() : segments(path);
        List<String> inner = segments(field);
        int shared = Math.min(outer.size(), inner.size());
        while (shared > 0 && !outer.subList(outer.size() - shared, outer.size()).equals(inner.subList(0, shared))) {
            shared--;
        }
        StringBuilder joined = new StringBuilder(path.equals(ROOT) ? "" : path);
        for (String segment : inner.subList(shared, inner.size())) {
            joined.append(segment.startsWith("[") ? segment : "." + segment);
        }
        return normalise(joined.toString());
    }

    /** {@code a.b[2].c} → {@code a}, {@code b}, {@code [2]}, {@code c}. */
    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        Matcher segment = SEGMENT.matcher(path);
        while (segment.find()) {
            segments.add(segment.group());
        }
        return segments;
    }

    static String name(String fieldName) {
        String printable = fieldName.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() <= MAX_NAME ? printable : printable.substring(0, MAX_NAME) + "…";
    }
}
