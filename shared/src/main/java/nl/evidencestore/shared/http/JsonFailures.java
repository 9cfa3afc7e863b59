package nl.evidencestore.shared.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.List;
import nl.evidencestore.shared.error.FieldRefusal;
import nl.evidencestore.shared.error.InvalidInput;

/**
 * Turns Jackson's failures into one field error: a JSON path such as {@code [17].categories[2]}
 * and a message of our own. Jackson's messages quote the input, and api.md forbids echoing
 * submitted values, so none of them is passed on.
 */
final class JsonFailures {
    private JsonFailures() {
    }

    static InvalidInput describe(IOException failure) {
        InvalidInput.FieldError error = fieldError(failure);
        return new InvalidInput("the body is not acceptable: " + error.field() + " " + error.message(), List.of(error));
    }

    private static InvalidInput.FieldError fieldError(IOException failure) {
        String mappedPath = failure instanceof JsonMappingException mapping ? JsonPath.of(mapping.getPath()) : JsonPath.ROOT;
        IOException reason = unwrap(failure);
        if (reason instanceof ValueInstantiationException instantiation
                && instantiation.getCause() instanceof FieldRefusal refusal && holdsFields(instantiation)) {
            return new InvalidInput.FieldError(JsonPath.within(mappedPath, refusal.field()), refusal.rule());
        }
        if (reason instanceof JsonMappingException mapping) {
            return new InvalidInput.FieldError(mappedPath, mappingMessage(mapping));
        }
        if (reason instanceof StreamConstraintsException) {
            return new InvalidInput.FieldError(mappedPath, "exceeds a limit on nesting depth, number length or string length");
        }
        if (reason instanceof StreamReadException read) {
            String path = read.getProcessor() == null ? mappedPath : parserPath(read.getProcessor());
            // Jackson's duplicate detection has no exception type of its own, only this message.
            if (read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate field")) {
                return new InvalidInput.FieldError(path, "appears twice in one object" + at(read.getLocation()));
            }
            return new InvalidInput.FieldError(path, "is not well-formed JSON" + at(read.getLocation()));
        }
        // CharConversionException and the like: bytes that are no JSON text at all.
        return new InvalidInput.FieldError(mappedPath, "is not JSON text in UTF-8");
    }

    /**
     * A record of several fields refused one of them: the path so far leads to the record, and the
     * field is within it. A value type (an id, a token) refused itself, and the path leads to it.
     */
    private static boolean holdsFields(ValueInstantiationException instantiation) {
        Class<?> type = instantiation.getType() == null ? null : instantiation.getType().getRawClass();
        return type != null && type.isRecord() && type.getRecordComponents().length > 1;
    }

    /** Collections wrap a parser's failure in a plain JsonMappingException only to add the path. */
    private static IOException unwrap(IOException failure) {
        if (failure.getClass() == JsonMappingException.class && failure.getCause() instanceof IOException cause) {
            return cause;
        }
        return failure;
    }

    private static String mappingMessage(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (mapping instanceof InvalidNullException) {
            return "must not be null";
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            return "must be " + Expected.describe(mismatch.getTargetType());
        }
        if (mapping instanceof ValueInstantiationException && mapping.getCause() instanceof IllegalArgumentException refusal) {
            // Our records check their fields in compact constructors; the message names the field.
            return refusal.getMessage();
        }
        return "is not acceptable";
    }

    /** Where the parser stood when the text stopped being JSON. */
    private static String parserPath(JsonParser parser) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            path.insert(0, segment(context));
        }
        return JsonPath.normalise(path.toString());
    }

    private static String segment(JsonStreamContext context) {
        if (context.inArray()) {
            return "[" + Math.max(context.getCurrentIndex(), 0) + "]";
        }
        String name = context.getCurrentName();
        return name == null ? "" : "." + JsonPath.name(name);
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
