package nl.evidencestore.shared.http;

import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.evidencestore.shared.error.InvalidInput.FieldError;

/**
 * An RFC 9457 problem: {@code type, title, status, detail}, {@code errors} when fields are named,
 * and extension members such as {@code article} or {@code currentPosition}.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      Map<String, Object> extensions) {
    public Problem {
        errors = List.copyOf(errors);
        extensions = Map.copyOf(extensions);
    }

    public static Problem of(ProblemType kind, String detail) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, List.of(), Map.of());
    }

    /** A status without a kind of our own: RFC 9457's "about:blank", titled by the status. */
    public static Problem ofStatus(int status, String detail) {
        return new Problem("about:blank", HttpStatus.forStatus(status).getMessage(), status, detail, List.of(), Map.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors, extensions);
    }

    /** Adds an extension member; an absent value (an article a refusal does not name) adds nothing. */
    public Problem with(String member, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, errors, more);
    }

    /** The members in RFC order; {@code errors} only when there are any. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        extensions.forEach(body::putIfAbsent);
        return body;
    }
}
