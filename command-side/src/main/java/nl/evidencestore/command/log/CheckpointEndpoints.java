package nl.evidencestore.command.log;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.List;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.http.Role;
import nl.evidencestore.shared.integrity.VerificationKey;

/**
 * The log as an auditor checks it from outside: the latest signed checkpoint, a consistency
 * proof between two tree sizes, and the key that signs (api.md, evidence bundles).
 */
public final class CheckpointEndpoints {
    // api.md lists these under evidence bundles: auditors and admins, the roles that verify.
    private static final Role[] READERS = {Role.AUDITOR, Role.ADMIN};

    private final Checkpoints checkpoints;
    private final LogTree tree;
    private final VerificationKey key;

    public CheckpointEndpoints(Checkpoints checkpoints, LogTree tree, VerificationKey key) {
        this.checkpoints = checkpoints;
        this.tree = tree;
        this.key = key;
    }

    /** PROOF(from, D[to]) of RFC 9162, in hex, from the leaf side up. */
    public record Consistency(long from, long to, List<String> proof) {
    }

    public EndpointGroup routes() {
        return () -> {
            get("/api/v1/checkpoints/latest", ctx -> ctx.json(checkpoints.latest().toJson()), READERS);
            get("/api/v1/checkpoints/consistency", this::consistency, READERS);
            get("/api/v1/public-key", ctx -> ctx.contentType("application/x-pem-file").result(key.toPem()), READERS);
        };
    }

    private void consistency(Context ctx) {
        long size = tree.size();
        long from = size(ctx, "from", size);
        long to = size(ctx, "to", size);
        if (from == 0 || from > to) {
            throw new InvalidInput("from", "must be at least 1 and at most to (" + to + ")");
        }
        List<String> proof = tree.consistencyProof(from, to).stream().map(HexFormat.of()::formatHex).toList();
        ctx.json(new Consistency(from, to, proof));
    }

    private static long size(Context ctx, String name, long logSize) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            throw new InvalidInput(name, "is required: a tree size");
        }
        try {
            long value = Long.parseLong(raw);
            if (value < 0 || value > logSize) {
                throw new InvalidInput(name, "must be a tree size the log has reached (0.." + logSize + ")");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "must be a whole number");
        }
    }
}
