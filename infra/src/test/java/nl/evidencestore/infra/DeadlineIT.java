package nl.evidencestore.infra;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import nl.evidencestore.command.store.Deadlines;
import nl.evidencestore.infra.Alarm.AlarmCancelled;
import nl.evidencestore.infra.Alarm.AlarmEvent;
import nl.evidencestore.infra.Alarm.AlarmRang;
import nl.evidencestore.infra.Alarm.CancelAlarm;
import nl.evidencestore.infra.Alarm.SetAlarm;
import nl.evidencestore.infra.kafka.KafkaTopics;
import nl.evidencestore.infra.support.SharedInfrastructure;
import nl.evidencestore.shared.kafka.TopicNames;
import org.axonframework.config.Configurer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deadlines persist in PostgreSQL and the store raises them itself: while it runs, at start-up
 * when one passed while it was stopped (once), never when cancelled, never when the command
 * that scheduled it rolled back, and again after a firing that failed.
 */
class DeadlineIT {
    private static final Logger log = LoggerFactory.getLogger(DeadlineIT.class);
    private static final TopicNames TOPICS = TopicNames.withPrefix("deadlines-" + UUID.randomUUID() + ".");
    private static final Duration AHEAD = Duration.ofSeconds(2);

    private final DataSource database = SharedInfrastructure.freshDatabase();

    @BeforeAll
    static void topics() {
        KafkaTopics.ensure(SharedInfrastructure.kafkaConnection(),
                KafkaTopics.storeTopics(TOPICS, 1, 1, Duration.ofDays(1)), Duration.ofSeconds(30));
    }

    @Test
    void firesWhileTheStoreRuns() {
        try (CommandSide commands = start(Clock.systemUTC())) {
            // Instants spread over one poll interval: the latency depends on where they fall in it.
            Instant first = Instant.now().plus(AHEAD);
            List<Instant> instants = IntStream.range(0, 5)
                    .mapToObj(i -> first.plus(Deadlines.DEFAULT_POLL.multipliedBy(i).dividedBy(5))).toList();
            for (int i = 0; i < instants.size(); i++) {
                commands.submitter().submit(new SetAlarm("alarm-a" + i, instants.get(i), "a" + i));
                assertThat(scheduledFor("alarm-a" + i)).isEqualTo(1);
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> IntStream.range(0, 5).allMatch(i -> rang("alarm-a" + i) == 1));
            List<Long> latencies = IntStream.range(0, 5)
                    .mapToObj(i -> Duration.between(instants.get(i), rangAt("alarm-a" + i)).toMillis()).toList();
            log.info("deadlines fired {} ms after their instants", latencies);
            assertThat(latencies).allSatisfy(ms -> assertThat(ms).isBetween(0L, 2_000L));
            assertThat(IntStream.range(0, 5).mapToLong(i -> scheduledFor("alarm-a" + i)).sum()).isZero();
        }
    }

    @Test
    void aDeadlinePassedWhileStoppedFiresAtStartUpOnce() {
        Instant ringsAt;
        try (CommandSide commands = start(Clock.systemUTC())) {
            ringsAt = Instant.now().plus(AHEAD);
            commands.submitter().submit(new SetAlarm("alarm-b", ringsAt, "b"));
        }
        assertThat(Instant.now()).isBefore(ringsAt);
        await().atMost(AHEAD.multipliedBy(2)).until(() -> Instant.now().isAfter(ringsAt.plusMillis(500)));
        assertThat(rang("alarm-b")).isZero();

        Instant started = Instant.now();
        try (CommandSide restarted = start(Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> rang("alarm-b") == 1);
            log.info("overdue deadline fired {} ms after the command side started",
                    Duration.between(started, rangAt("alarm-b")).toMillis());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> rang("alarm-b") == 1);
        }
        try (CommandSide again = start(Clock.systemUTC())) {
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> rang("alarm-b") == 1);
        }
        assertThat(scheduledFor("alarm-b")).isZero();
    }

    @Test
    void aCancelledDeadlineNeverFires() {
        try (CommandSide commands = start(Clock.systemUTC())) {
            Instant ringsAt = Instant.now().plus(AHEAD);
            commands.submitter().submit(new SetAlarm("alarm-c", ringsAt, "c"));
            assertThat(scheduledFor("alarm-c")).isEqualTo(1);
            commands.submitter().submit(new CancelAlarm("alarm-c"));
            assertThat(scheduledFor("alarm-c")).isZero();
            assertThat(count(AlarmCancelled.class, "alarm-c")).isEqualTo(1);

            Duration pastTheInstant = Duration.between(Instant.now(), ringsAt).plusMillis(1500);
            await().during(pastTheInstant).atMost(pastTheInstant.plusSeconds(1)).until(() -> rang("alarm-c") == 0);
        }
    }

    @Test
    void aRolledBackCommandSchedulesNothing() {
        try (CommandSide commands = start(Clock.systemUTC())) {
            Instant ringsAt = Instant.now().plus(Duration.ofHours(1));
            commands.submitter().submit(new SetAlarm("alarm-d", ringsAt, "d-1"));

            // Creating the same alarm again: its deadline is written first (the command's own
            // unit of work commits), then appending its event fails and the transaction rolls back.
            assertThatThrownBy(() -> commands.submitter().submit(new SetAlarm("alarm-d", ringsAt, "d-2")));
            assertThat(scheduledFor("alarm-d")).isEqualTo(1);
        }
    }

    @Test
    void aFailedFiringRollsBackAndIsTriedAgain() {
        try (CommandSide commands = start(Clock.systemUTC())) {
            commands.submitter().submit(new SetAlarm("alarm-f", Instant.now(), "f", 2));

            // Retried after 1 s, then 2 s; the two failed attempts' events rolled back.
            await().atMost(Duration.ofSeconds(10)).until(() -> rang("alarm-f") == 1);
            assertThat(Alarm.ATTEMPTS.get("alarm-f")).isEqualTo(3);
            assertThat(scheduledFor("alarm-f")).isZero();
        }
    }

    @Test
    void theStoreClockDecidesWhatIsDue() {
        MovableClock clock = new MovableClock();
        try (CommandSide commands = start(clock)) {
            Instant ringsAt = clock.instant().plus(Duration.ofHours(24));
            commands.submitter().submit(new SetAlarm("alarm-e", ringsAt, "e"));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> rang("alarm-e") == 0);

            clock.advance(Duration.ofHours(24));
            await().atMost(Duration.ofSeconds(5)).until(() -> rang("alarm-e") == 1);
        }
    }

    private CommandSide start(Clock clock) {
        return CommandSide.start(database, SharedInfrastructure.kafkaBootstrap(), TOPICS, new SimpleMeterRegistry(),
                CommandSide.Options.DEFAULTS.withClock(clock).withTestConfiguration(DeadlineIT::withAlarms));
    }

    private static void withAlarms(Configurer configurer) {
        configurer.configureAggregate(Alarm.class);
        // Alarms are no evidence: the forwarder would refuse their unregistered types.
        configurer.eventProcessing().registerHandlerInterceptor(CommandSide.FORWARDER, c -> (unitOfWork, chain) ->
                unitOfWork.getMessage().getPayload() instanceof AlarmEvent ? null : chain.proceed());
    }

    private long rang(String alarmId) {
        return count(AlarmRang.class, alarmId);
    }

    private long count(Class<?> eventType, String alarmId) {
        return query("SELECT count(*) FROM DomainEventEntry WHERE payloadType = ? AND aggregateIdentifier = ?",
                eventType.getName(), alarmId, row -> row.getLong(1));
    }

    private Instant rangAt(String alarmId) {
        return query("SELECT timeStamp FROM DomainEventEntry WHERE payloadType = ? AND aggregateIdentifier = ?",
                AlarmRang.class.getName(), alarmId, row -> Instant.parse(row.getString(1)));
    }

    /** Rows of db-scheduler's table whose (JSON) deadline names this alarm. */
    private long scheduledFor(String alarmId) {
        return query("SELECT count(*) FROM scheduled_tasks WHERE task_name = ? AND position(? IN convert_from(task_data, 'UTF8')) > 0",
                "AxonDeadline", alarmId, row -> row.getLong(1));
    }

    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> T query(String sql, String first, String second, Row<T> reader) {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, first);
            statement.setString(2, second);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return reader.read(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Real time plus an offset the test moves forward: the scheduler's waits still pass. */
    private static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
