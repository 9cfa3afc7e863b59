package nl.evidencestore.command.submit;

/**
 * A command that says which key makes a repeat recognisable (api.md, Idempotency): the
 * client-chosen id of what it creates, or the natural key of what can happen only once.
 */
public interface IdempotentCommand {
    String idempotencyKey();
}
