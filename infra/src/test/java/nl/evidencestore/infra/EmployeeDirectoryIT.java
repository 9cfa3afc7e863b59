package nl.evidencestore.infra;

import static nl.evidencestore.infra.support.CountingConnections.counting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import nl.evidencestore.command.employee.EmployeeDirectory;
import nl.evidencestore.command.employee.RegisterEmployee;
import nl.evidencestore.command.employee.RevokeEmployee;
import nl.evidencestore.command.store.JdbcTransactions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.evidencestore.infra.support.SharedInfrastructure;
import nl.evidencestore.shared.error.RuleViolation;
import nl.evidencestore.shared.event.employee.EmployeeRegistered;
import nl.evidencestore.shared.event.employee.EmployeeRevoked;
import nl.evidencestore.shared.model.EmployeeId;
import nl.evidencestore.shared.rules.EmployeeRegister;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Art. 2.3 as the command side judges accesses: the register on the real PostgreSQL, written in
 * the employee command's transaction and read through the same connections, one query for a
 * whole batch, and serialised with writers by per-employee locks.
 */
class EmployeeDirectoryIT {
    private static final Instant SPRING = Instant.parse("2026-04-01T10:00:00Z");
    private static final Instant SUMMER = Instant.parse("2026-07-01T10:00:00Z");
    private static final LocalDate SIGNED = LocalDate.of(2026, 3, 2);

    private static DataSource database;
    private static CommandSide commands;

    @BeforeAll
    static void start() {
        database = SharedInfrastructure.freshDatabase();
        commands = CommandSide.start(database, SharedInfrastructure.kafkaBootstrap(), SharedInfrastructure.freshTopics("directory"), Duration.ofSeconds(2), new SimpleMeterRegistry());
    }

    @AfterAll
    static void stop() {
        commands.close();
    }

    private static EmployeeDirectory directory() {
        return commands.employees();
    }

    private static JdbcTransactions transactions() {
        return commands.transactions();
    }

    @Test
    void theRegisterFollowsTheEmployeesCommands() {
        commands.submitter().submit(new RegisterEmployee(EmployeeId.of("emp-anna"), "Anna de Boer", SIGNED));
        commands.submitter().submit(new RevokeEmployee(EmployeeId.of("emp-anna"), LocalDate.of(2026, 6, 1)));

        assertThat(directory().registeredAt("emp-anna", SPRING)).isTrue();
        assertThat(directory().registeredAt("emp-anna", SUMMER)).isFalse();
        assertThat(directory().registeredAt("emp-nobody", SPRING)).isFalse();
    }

    @Test
    void aRefusedCommandLeavesTheRegisterAsItWas() {
        commands.submitter().submit(new RegisterEmployee(EmployeeId.of("emp-bram"), "Bram Mulder", SIGNED));

        assertThatThrownBy(() -> commands.submitter().submit(new RevokeEmployee(EmployeeId.of("emp-bram"), SIGNED.minusDays(1))))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> commands.submitter().submit(new RevokeEmployee(EmployeeId.of("emp-never"), SIGNED)))
                .isInstanceOf(RuleViolation.class);

        assertThat(rows("emp-bram")).isEqualTo(1);
        assertThat(directory().registeredAt("emp-bram", SUMMER)).isTrue();
        assertThat(rows("emp-never")).isZero();
    }

    @Test
    void aRowCommitsOrRollsBackWithItsTransactionAndItsOwnTransactionSeesIt() {
        Transaction transaction = transactions().startTransaction();
        directory().record(new EmployeeRegistered(EmployeeId.of("emp-carla"), "Carla Smit", SIGNED));
        boolean seenInside = directory().registeredAt("emp-carla", SPRING);
        transaction.rollback();

        assertThat(seenInside).isTrue();
        assertThat(directory().registeredAt("emp-carla", SPRING)).isFalse();
    }

    @Test
    void isWrittenOnlyInsideATransaction() {
        assertThatThrownBy(() -> directory().record(new EmployeeRegistered(EmployeeId.of("emp-dirk"), "Dirk Bos", SIGNED)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(rows("emp-dirk")).isZero();
    }

    @Test
    void aBatchOfAThousandEmployeesIsLookedUpWithOneLockAndOneQuery() {
        commands.submitter().submit(new RegisterEmployee(EmployeeId.of("emp-batch-7"), "Eva Jansen", SIGNED));
        List<String> ids = IntStream.range(0, 1000).mapToObj(i -> "emp-batch-" + i).toList();
        AtomicInteger statements = new AtomicInteger();
        EmployeeDirectory counted = new EmployeeDirectory(counting(transactions(), statements));

        Transaction transaction = transactions().startTransaction();
        EmployeeRegister register = counted.forEmployees(ids);
        List<Boolean> answers = new ArrayList<>();
        ids.forEach(id -> answers.add(register.registeredAt(id, SPRING)));
        transaction.commit();

        assertThat(statements).hasValue(2);
        assertThat(answers.stream().filter(Boolean::booleanValue)).hasSize(1);
        assertThat(answers.get(7)).isTrue();
    }

    @Test
    void withinAUnitOfWorkOneLookUpAnswersEveryLaterQuestionUntilTheRegisterChanges() {
        commands.submitter().submit(new RegisterEmployee(EmployeeId.of("emp-uow-3"), "Hanna Bakker", SIGNED));
        List<String> ids = IntStream.range(0, 1000).mapToObj(i -> "emp-uow-" + i).toList();
        AtomicInteger statements = new AtomicInteger();
        EmployeeDirectory counted = new EmployeeDirectory(counting(transactions(), statements));

        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions());
        counted.forEmployees(ids);
        long registered = ids.stream().filter(id -> counted.registeredAt(id, SPRING)).count();
        int afterTheBatch = statements.get();
        counted.record(new EmployeeRegistered(EmployeeId.of("emp-uow-4"), "Ilse Kok", SIGNED));
        boolean seenAfterItsOwnWrite = counted.registeredAt("emp-uow-4", SPRING);
        unitOfWork.rollback();

        assertThat(registered).isEqualTo(1);
        assertThat(afterTheBatch).isEqualTo(2);
        assertThat(seenAfterItsOwnWrite).isTrue();
        assertThat(directory().registeredAt("emp-uow-4", SPRING)).isFalse();
    }

    @Test
    void aReaderWaitsForARegistrationInFlightAndThenSeesIt() {
        Transaction writer = transactions().startTransaction();
        directory().record(new EmployeeRegistered(EmployeeId.of("emp-femke"), "Femke de Wit", SIGNED));
        CompletableFuture<Boolean> reader = CompletableFuture.supplyAsync(() -> inTransaction(
                () -> directory().forEmployees(List.of("emp-femke")).registeredAt("emp-femke", SPRING)));

        await().atMost(Duration.ofSeconds(10)).until(() -> waitingForLocks() == 1);
        assertThat(reader).isNotDone();
        writer.commit();

        assertThat(reader.join()).isTrue();
    }

    @Test
    void aRevocationWaitsForAReaderThatWentFirst() {
        commands.submitter().submit(new RegisterEmployee(EmployeeId.of("emp-gijs"), "Gijs Visser", SIGNED));
        Transaction reader = transactions().startTransaction();
        boolean registered = directory().forEmployees(List.of("emp-gijs")).registeredAt("emp-gijs", SUMMER);
        CompletableFuture<Void> revocation = CompletableFuture.runAsync(() -> inTransaction(() -> {
            directory().record(new EmployeeRevoked(EmployeeId.of("emp-gijs"), LocalDate.of(2026, 6, 1)));
            return null;
        }));

        await().atMost(Duration.ofSeconds(10)).until(() -> waitingForLocks() == 1);
        assertThat(revocation).isNotDone();
        reader.commit();
        revocation.join();

        assertThat(registered).isTrue();
        assertThat(directory().registeredAt("emp-gijs", SUMMER)).isFalse();
    }

    private static <T> T inTransaction(java.util.function.Supplier<T> work) {
        Transaction transaction = transactions().startTransaction();
        try {
            T result = work.get();
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
    }

    private static long waitingForLocks() {
        return count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    }

    private static long rows(String employeeId) {
        return count("SELECT count(*) FROM employee_register WHERE employee_id = '" + employeeId + "'");
    }

    private static long count(String sql) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
