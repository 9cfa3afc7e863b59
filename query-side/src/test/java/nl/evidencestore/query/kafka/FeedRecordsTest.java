package nl.evidencestore.query.kafka;

import static nl.evidencestore.query.Fixtures.lifecycle;
import static nl.evidencestore.query.Fixtures.record;
import static nl.evidencestore.query.Fixtures.recordOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.kafka.ForwardedEvents;
import org.junit.jupiter.api.Test;

class FeedRecordsTest {
    @Test
    void readsTheForwardersFormAndAnyOtherAlike() {
        for (ForwardedEvent event : lifecycle()) {
            assertThat(FeedRecords.event(record(0, event, 1))).contains(event);
            String written = new String(ForwardedEvents.write(event), StandardCharsets.UTF_8);
            String typeLast = written.replace("\"type\":\"" + event.type() + "\",", "")
                    .replace("\"payload\"", "\"type\":\"" + event.type() + "\",\"payload\"");
            assertThat(FeedRecords.event(recordOf(0, event, typeLast.getBytes(StandardCharsets.UTF_8)))).contains(event);
        }
    }

    /** Read by hand, "payload" would run to the end: the parser reads the member after it as unknown. */
    @Test
    void readsAMemberAfterThePayloadAsTheParserDoes() {
        ForwardedEvent event = lifecycle().get(0);
        String written = new String(ForwardedEvents.write(event), StandardCharsets.UTF_8);
        byte[] value = (written.substring(0, written.length() - 1) + ",\"later\":{\"a\":1}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(FeedRecords.event(recordOf(0, event, value))).contains(event);
    }
}
