package nl.evidencestore.infra.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.LongSupplier;

/** The Prometheus registry with the JVM's figures and the store's own positions. */
public final class Metrics {
    private Metrics() {
    }

    /** Created before the sides start, so that they can register their own meters. */
    public static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    public static void watchProjections(PrometheusMeterRegistry registry, LongSupplier appliedPosition,
                                        LongSupplier timelineDocuments) {
        Gauge.builder("evidence.projections.applied.position", appliedPosition::getAsLong)
                .description("the event-log position up to which every projection has applied every event")
                .register(registry);
        Gauge.builder("evidence.timeline.documents", timelineDocuments::getAsLong)
                .description("documents in the timeline index: one per event, however often it was delivered")
                .register(registry);
    }
}
