package nl.evidencestore.shared.event.mirror;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import nl.evidencestore.shared.event.EventTypes;

/**
 * Names a mirrored fact's type in JSON by its stable domain name ({@link EventTypes}), the same
 * name the source event's envelope carries, never by a Java class name that may move.
 */
public final class FactTypeIds extends TypeIdResolverBase {
    private JavaType baseType;

    @Override
    public void init(JavaType baseType) {
        this.baseType = baseType;
    }

    @Override
    public String idFromValue(Object value) {
        return EventTypes.nameOf(value.getClass());
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
        return idFromValue(value);
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        Class<?> type = EventTypes.classOf(id)
                .orElseThrow(() -> new IllegalArgumentException("fact.factType " + id + " is not an event type"));
        if (!baseType.getRawClass().isAssignableFrom(type)) {
            throw new IllegalArgumentException("fact.factType " + id + " is not a " + baseType.getRawClass().getSimpleName());
        }
        return context.constructSpecializedType(baseType, type);
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }
}
