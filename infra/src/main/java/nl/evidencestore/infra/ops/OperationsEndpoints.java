package nl.evidencestore.infra.ops;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Liveness, readiness, metrics and the contract: the routes that need no token. */
public final class OperationsEndpoints {
    private final Readiness readiness;
    private final PrometheusMeterRegistry metrics;
    private final byte[] openApi;

    public OperationsEndpoints(Readiness readiness, PrometheusMeterRegistry metrics) {
        this.readiness = readiness;
        this.metrics = metrics;
        this.openApi = contract();
    }

    public EndpointGroup routes() {
        return () -> {
            get("/health", ctx -> ctx.json(Map.of("status", "UP")));
            get("/health/ready", this::ready);
            get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        };
    }

    private void ready(Context ctx) {
        Readiness.Report report = readiness.report();
        ctx.status(report.ready() ? 200 : 503).json(report);
    }

    /** The contract is written first and served as it is (src/main/resources/openapi.json). */
    private static byte[] contract() {
        try (InputStream in = OperationsEndpoints.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
