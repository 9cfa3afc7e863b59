package nl.evidencestore.command.submit;

/**
 * A command that says which key makes a repeat recognisable (api.md, Idempotency): the
 * client-chosen id of what it creates, or the natural key of what can happen only once.
 */
public interface IdempotentCommand {
    String idempotencyKey();

    /** What the command's target is called when it does not exist: "no breach with this id exists". */
    default String targetKind() {
        return "agreement";
    }
}
