package nl.evidencestore.command.submit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.command.store.CommandLedger;
import nl.evidencestore.command.store.JdbcTransactions;
import nl.evidencestore.shared.error.ConflictingDuplicate;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.json.Json;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Runs a command in one database transaction together with its idempotency check: a repeat
 * with the same content answers the original events (nothing appended), other content is a
 * conflict, and a new command is dispatched to its aggregate and noted in the ledger.
 */
public final class CommandSubmitter {
    private static final int ATTEMPTS = 3;
    private static final String UNIQUE_VIOLATION = "23505";

    private final CommandGateway gateway;
    private final CommandLedger ledger;
    private final JdbcTransactions transactions;

    public CommandSubmitter(CommandGateway gateway, CommandLedger ledger, JdbcTransactions transactions) {
        this.gateway = gateway;
        this.ledger = ledger;
        this.transactions = transactions;
    }

    public Receipt submit(IdempotentCommand command) {
        String contentSha256 = ledger.contentHash(Json.canonical(command));
        for (int attempt = 1; ; attempt++) {
            try {
                Outcome outcome = inTransaction(command, contentSha256);
                return new Receipt(outcome.eventIds(), ledger.positionOf(outcome.eventIds()), outcome.repeated());
            } catch (RuntimeException e) {
                // Two submissions of one key raced: the loser sees the winner's ledger row next time.
                if (attempt == ATTEMPTS || !isRace(e)) {
                    throw e;
                }
            }
        }
    }

    private record Outcome(List<String> eventIds, boolean repeated) {
    }

    private Outcome inTransaction(IdempotentCommand command, String contentSha256) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command));
        unitOfWork.attachTransaction(transactions);
        String key = command.idempotencyKey();
        ResultMessage<Outcome> result = unitOfWork.executeWithResult(() -> {
            Optional<CommandLedger.Entry> earlier = ledger.find(key);
            if (earlier.isPresent()) {
                return repeatOf(earlier.get(), key, contentSha256);
            }
            dispatch(command);
            // Events reach the store, and get their ids noted, in the root's prepare-commit
            // phase; this handler is registered after the event bus's, so it runs after it.
            unitOfWork.onPrepareCommit(u -> ledger.record(key, contentSha256, AppendedEvents.idsOf(u)));
            return null;
        });
        if (result.isExceptional()) {
            throw unchecked(result.exceptionResult());
        }
        return result.getPayload() != null
                ? result.getPayload()
                : new Outcome(List.copyOf(AppendedEvents.idsOf(unitOfWork)), false);
    }

    private static Outcome repeatOf(CommandLedger.Entry earlier, String key, String contentSha256) {
        if (!earlier.contentSha256().equals(contentSha256)) {
            throw new ConflictingDuplicate(List.of(key));
        }
        return new Outcome(earlier.eventIds(), true);
    }

    private void dispatch(IdempotentCommand command) {
        try {
            gateway.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new RuleViolation(null, "no " + command.targetKind() + " with this id exists");
        }
    }

    private static RuntimeException unchecked(Throwable failure) {
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    private static boolean isRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
