package nl.evidencestore.shared.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import nl.evidencestore.shared.json.Json;

/**
 * What every HTTP server of the store has in common: our JSON dialect, the body limit, bearer
 * auth on /api/, problem responses, and a quiet start. Routes are the caller's.
 */
public final class HttpEdge {
    /** api.md: 413 above 8 MiB; a batch of 10,000 accesses of ~350 bytes fits well within it. */
    public static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

    private HttpEdge() {
    }

    public static void configure(JavalinConfig config, TokensFile tokens) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        // Java 17 has no virtual threads; stated so that a newer JDK does not change the threading.
        config.concurrency.useVirtualThreads = false;
        config.jsonMapper(new JavalinJackson(Json.mapper(), false));
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.http.prefer405over404 = true;
        // Javalin already turns it off; kept explicit because a Server header helps only attackers.
        config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
        // Authentication first: a caller without a token learns nothing from a 413 either.
        Auth.install(config.routes, tokens);
        config.routes.before(HttpEdge::refuseDeclaredOversize);
        Problems.install(config);
    }

    /**
     * A declared length over the limit is refused before a byte is read; a chunked body is cut
     * off by Javalin's {@code bodyAsBytes()} once it passes the limit.
     */
    private static void refuseDeclaredOversize(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
            throw new ContentTooLargeResponse();
        }
    }
}
