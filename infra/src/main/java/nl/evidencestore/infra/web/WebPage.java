package nl.evidencestore.infra.web;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import nl.evidencestore.shared.json.Json;

/**
 * Serves the page's three files from {@code src/main/resources/web}. Explicit routes rather than
 * a static-file handler, so that the contract test sees every path the server answers, and every
 * answer carries the same strict headers.
 */
public final class WebPage {
    /**
     * Nothing but our own files: no inline script or style, no framing, no plug-ins. The page
     * holds a bearer token, so a script injected through data it shows must not run.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final List<Asset> assets = List.of(
            Asset.load("/", "index.html", "text/html; charset=utf-8"),
            Asset.load("/app.js", "app.js", "text/javascript; charset=utf-8"),
            Asset.load("/app.css", "app.css", "text/css; charset=utf-8"));

    public EndpointGroup routes() {
        return () -> assets.forEach(asset -> get(asset.path(), asset::serve));
    }

    /** One file, read once at start; its ETag is its content's hash. */
    private record Asset(String path, String contentType, byte[] body, String etag) {
        static Asset load(String path, String file, String contentType) {
            byte[] body = read("/web/" + file);
            return new Asset(path, contentType, body, '"' + Json.sha256Hex(body) + '"');
        }

        void serve(Context ctx) {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            // Revalidated on every load (cheap with the ETag), so a new release is never mixed with a cached old script.
            ctx.header(Header.CACHE_CONTROL, "no-cache");
            ctx.header(Header.ETAG, etag);
            if (etag.equals(ctx.header(Header.IF_NONE_MATCH))) {
                ctx.status(304);
                return;
            }
            ctx.contentType(contentType).result(body);
        }

        private static byte[] read(String resource) {
            try (InputStream in = WebPage.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the classpath");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
