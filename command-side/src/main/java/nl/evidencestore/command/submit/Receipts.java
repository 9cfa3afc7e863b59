package nl.evidencestore.command.submit;

import io.javalin.http.Context;
import java.util.List;

/** How every command endpoint answers: 201 for new facts, 200 for a repeat (api.md). */
public final class Receipts {
    private Receipts() {
    }

    /** The response body of every command. */
    public record Answer(List<String> eventIds, long position) {
    }

    public static void answer(Context ctx, Receipt receipt) {
        ctx.status(receipt.repeated() ? 200 : 201).json(new Answer(receipt.eventIds(), receipt.position()));
    }
}
