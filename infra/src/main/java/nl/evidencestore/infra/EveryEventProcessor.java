package nl.evidencestore.infra;

import java.util.function.Function;
import nl.evidencestore.command.store.JdbcTransactions;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * How this store registers a tracking processor: one handler that must see every event from the
 * first, on one thread, its token in the store's token table, and a handler failure failing the
 * batch (Axon's default logs and moves on, which would skip the event for good). Its thread
 * takes connections from the pipeline's pool ({@link JdbcTransactions#pipelineThreads}).
 */
final class EveryEventProcessor {
    private EveryEventProcessor() {
    }

    static void register(Configurer configurer, String name, int batchSize, JdbcTransactions transactions,
                         TokenStore tokens, Class<?> handlerType, Function<Configuration, Object> handler) {
        configurer.eventProcessing()
                .registerTrackingEventProcessor(name, Configuration::eventStore, c ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize)
                                .andThreadFactory(processor -> transactions.pipelineThreads("EventProcessor[" + processor + "]"))
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .registerEventHandler(handler)
                .assignHandlerInstancesMatching(name, handlerType::isInstance)
                .registerTokenStore(name, c -> tokens)
                .registerListenerInvocationErrorHandler(name, c -> PropagatingErrorHandler.instance());
    }
}
