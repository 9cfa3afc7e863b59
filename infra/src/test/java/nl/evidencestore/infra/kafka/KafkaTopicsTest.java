package nl.evidencestore.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.evidencestore.infra.support.SharedInfrastructure;
import nl.evidencestore.shared.kafka.KafkaConnection;
import nl.evidencestore.shared.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedInfrastructure.class)
class KafkaTopicsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void createsTheStoreTopicsWithTheirSettingsAndToleratesThemExisting() throws Exception {
        String bootstrap = SharedInfrastructure.kafkaBootstrap();
        KafkaTopics.ensure(KafkaConnection.plain(bootstrap), KafkaTopics.storeTopics(), TIMEOUT);
        KafkaTopics.ensure(KafkaConnection.plain(bootstrap), KafkaTopics.storeTopics(), TIMEOUT);

        try (Admin admin = admin(bootstrap)) {
            Map<String, TopicDescription> topics = admin
                    .describeTopics(List.of(Topics.EVENTS, Topics.COMMANDS, Topics.COMMANDS_DLQ))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.get(Topics.EVENTS).partitions()).hasSize(1);
            assertThat(topics.get(Topics.COMMANDS).partitions()).hasSize(4);
            assertThat(topics.get(Topics.COMMANDS_DLQ).partitions()).hasSize(1);

            Config events = config(admin, Topics.EVENTS);
            assertThat(events.get("retention.ms").value()).isEqualTo("-1");
            assertThat(events.get("retention.bytes").value()).isEqualTo("-1");
            assertThat(events.get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(events.get("min.insync.replicas").value()).isEqualTo("1");
            assertThat(config(admin, Topics.COMMANDS).get("retention.ms").value())
                    .isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
            assertThat(config(admin, Topics.COMMANDS_DLQ).get("retention.ms").value())
                    .isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
        }
    }

    @Test
    void appliesConfiguredPartitionsAndRetention() {
        List<TopicSpec> topics = KafkaTopics.storeTopics(nl.evidencestore.shared.kafka.TopicNames.DEFAULT, 8, 2, Duration.ofDays(3));
        assertThat(topics).extracting(TopicSpec::name, TopicSpec::partitions)
                .containsExactly(
                        tuple(Topics.EVENTS, 1),
                        tuple(Topics.COMMANDS, 8),
                        tuple(Topics.COMMANDS_DLQ, 2),
                        tuple(Topics.CHECKPOINTS, 1));
        assertThat(topics.get(3).configs()).containsEntry("retention.ms", "-1");
        assertThat(topics.get(1).configs()).containsEntry("retention.ms", "259200000");
        assertThat(topics.get(2).configs()).containsEntry("retention.ms", "259200000");
    }

    @Test
    void refusesAnExistingTopicWithAnotherPartitionCount() {
        String bootstrap = SharedInfrastructure.kafkaBootstrap();
        KafkaTopics.ensure(KafkaConnection.plain(bootstrap), List.of(new TopicSpec("topics-test.ordered", 1, Map.of())), TIMEOUT);

        assertThatThrownBy(() -> KafkaTopics.ensure(KafkaConnection.plain(bootstrap),
                List.of(new TopicSpec("topics-test.ordered", 3, Map.of())), TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("topics-test.ordered has 1 partition(s), configured 3");
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
