package nl.evidencestore.command.agreement;

import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import nl.evidencestore.command.submit.CommandSubmitter;
import nl.evidencestore.command.submit.Receipts;
import nl.evidencestore.shared.http.Bodies;
import nl.evidencestore.shared.http.Role;
import nl.evidencestore.shared.model.AgreementId;

/** The agreement's commands over HTTP (api.md): internal systems publish, admins may too. */
public final class AgreementEndpoints {
    private final CommandSubmitter submitter;

    public AgreementEndpoints(CommandSubmitter submitter) {
        this.submitter = submitter;
    }

    public EndpointGroup routes() {
        return () -> {
            post("/api/v1/agreements", this::draft, Role.PUBLISHER, Role.ADMIN);
            post("/api/v1/agreements/{id}/signatures", this::sign, Role.PUBLISHER, Role.ADMIN);
        };
    }

    private void draft(Context ctx) {
        Receipts.answer(ctx, submitter.submit(Bodies.read(ctx, DraftAgreement.class)));
    }

    private void sign(Context ctx) {
        AgreementId agreementId = Receipts.pathId(ctx, "id", AgreementId::of);
        Receipts.answer(ctx, submitter.submit(Bodies.read(ctx, SignAgreement.Body.class).toCommand(agreementId)));
    }
}
