package nl.evidencestore.command.bundle;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.evidencestore.shared.error.UnknownResource;
import nl.evidencestore.shared.http.Bodies;
import nl.evidencestore.shared.http.Principal;
import nl.evidencestore.shared.http.Role;

/** {@code POST /api/v1/evidence-bundles} and {@code GET /api/v1/evidence-bundles/{bundleId}} (api.md). */
public final class BundleEndpoints {
    private final BundleExports exports;

    public BundleEndpoints(BundleExports exports) {
        this.exports = exports;
    }

    public EndpointGroup routes() {
        return () -> {
            post("/api/v1/evidence-bundles", this::export, Role.AUDITOR, Role.ADMIN);
            get("/api/v1/evidence-bundles/{bundleId}", this::download, Role.AUDITOR, Role.ADMIN);
        };
    }

    private void export(Context ctx) throws InterruptedException {
        BundleRequest request = Bodies.read(ctx, BundleRequest.class);
        ctx.status(201).json(exports.export(Principal.of(ctx), request));
    }

    /** The stored bytes, streamed: the same for every download. */
    private void download(Context ctx) {
        String bundleId = ctx.pathParam("bundleId");
        Path file = exports.file(Principal.of(ctx), bundleId);
        if (!Files.isRegularFile(file)) {
            throw new UnknownResource("no evidence bundle with this id");
        }
        try {
            InputStream zip = Files.newInputStream(file);
            ctx.contentType("application/zip")
                    .header("Content-Disposition", "attachment; filename=\"evidence-" + bundleId + ".zip\"")
                    .header("Content-Length", Long.toString(Files.size(file)))
                    .result(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
