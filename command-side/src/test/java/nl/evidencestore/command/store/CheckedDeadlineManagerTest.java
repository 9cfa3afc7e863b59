package nl.evidencestore.command.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.SubjectRequestId;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** A deadline finds its aggregate again only if the aggregate's id survives the row's JSON. */
class CheckedDeadlineManagerTest {
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(Json.mapper().copy()).lenientDeserialization().build();

    record PlainId(String value) {
        @Override
        public String toString() {
            return value;
        }
    }

    @Test
    void acceptsAnIdWhoseJsonIsItsRawValue() {
        assertThatCode(() -> CheckedDeadlineManager.requireStorable(
                new AggregateScopeDescriptor("Agreement", new AgreementId("agr-1")), serializer)).doesNotThrowAnyException();
        assertThatCode(() -> CheckedDeadlineManager.requireStorable(
                new AggregateScopeDescriptor("Alarm", "alarm-1"), serializer)).doesNotThrowAnyException();
    }

    @Test
    void storesAPrefixedStreamIdByItsToStringSoTheDeadlineFindsTheStreamAgain() {
        AggregateScopeDescriptor stored = serializer.deserialize(serializer.serialize(
                CheckedDeadlineManager.byStreamId(new AggregateScopeDescriptor("SubjectRequest",
                        SubjectRequestId.of("sr-1"))), String.class));
        assertThat(stored.getIdentifier()).isEqualTo("subject-request/sr-1");
        assertThatCode(() -> CheckedDeadlineManager.requireStorable(CheckedDeadlineManager.byStreamId(
                new AggregateScopeDescriptor("Breach", new PlainId("b-1"))), serializer)).doesNotThrowAnyException();
    }

    @Test
    void refusesAnIdThatComesBackAsSomethingElse() {
        assertThatThrownBy(() -> CheckedDeadlineManager.requireStorable(
                new AggregateScopeDescriptor("Breach", new PlainId("b-1")), serializer))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@JsonValue")
                .hasMessageNotContaining("b-1");
    }
}
