package nl.evidencestore.command.agreement;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import org.axonframework.common.Priority;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

/**
 * Resolves a {@link DeletionPeriod} handler parameter to {@link DeletionPeriod#DEFAULT} when
 * nothing else does: a configured component or a test fixture's injectable resource comes first
 * (this one has the lowest priority), and an Axon setup that registers none, such as another room's fixture on
 * the same aggregate, still works. Found by Axon's ClasspathParameterResolverFactory through
 * {@code META-INF/services}.
 */
@Priority(Priority.LAST)
public final class DefaultDeletionPeriod implements ParameterResolverFactory {
    @Override
    public ParameterResolver<?> createInstance(Executable executable, Parameter[] parameters, int parameterIndex) {
        return parameters[parameterIndex].getType() == DeletionPeriod.class
                ? new FixedValueParameterResolver<>(DeletionPeriod.DEFAULT)
                : null;
    }
}
