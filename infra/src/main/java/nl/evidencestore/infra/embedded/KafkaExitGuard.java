package nl.evidencestore.infra.embedded;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a fatal fault in the in-process broker from halting the whole JVM, and with it the store.
 *
 * <p>Kafka's fault handlers call {@code Exit.halt} or {@code Exit.exit}, which by default end the
 * process. While a broker runs, those calls log loudly, report the fault to every running broker
 * and throw instead. {@link Exit}'s procedures are global, so they are installed for the first
 * running broker and restored after the last one stops.
 */
final class KafkaExitGuard {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaExitGuard.class);
    private static final List<Consumer<String>> LISTENERS = new CopyOnWriteArrayList<>();

    private KafkaExitGuard() {
    }

    static synchronized void register(Consumer<String> onFault) {
        if (LISTENERS.isEmpty()) {
            Exit.setHaltProcedure((status, message) -> refuse("halt", status, message));
            Exit.setExitProcedure((status, message) -> refuse("exit", status, message));
        }
        LISTENERS.add(onFault);
    }

    static synchronized void unregister(Consumer<String> onFault) {
        if (LISTENERS.remove(onFault) && LISTENERS.isEmpty()) {
            Exit.resetHaltProcedure();
            Exit.resetExitProcedure();
        }
    }

    private static void refuse(String what, int status, String message) {
        String fault = "The embedded Kafka broker hit a fatal fault and asked to " + what + " the JVM (status "
                + status + (message == null ? "" : ": " + message) + ")";
        LOG.error("{}. Refused so the store is not killed, but the broker can no longer be trusted: restart the store.",
                fault, new IllegalStateException("call site of Exit." + what));
        LISTENERS.forEach(listener -> listener.accept(fault));
        throw new IllegalStateException(fault);
    }
}
