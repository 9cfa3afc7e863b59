package nl.evidencestore.shared.http;

import java.nio.ByteBuffer;
import nl.evidencestore.shared.json.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests that Jetty refuses before Javalin sees them (a malformed URI, headers over the
 * limit) get a problem too, not Jetty's HTML page. Jetty's message may quote the request, so
 * only the status and its reason phrase are used.
 */
final class JettyProblems extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        Problem problem = Problem.ofStatus(code, "the server refused the request before reading it");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(Json.write(problem.body())), callback);
    }
}
