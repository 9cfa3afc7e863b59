package nl.evidencestore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.evidencestore.command.access.ReportedAccess;
import nl.evidencestore.command.agreement.DraftAgreement;
import nl.evidencestore.command.agreement.RegisterInstruction;
import nl.evidencestore.infra.support.SharedInfrastructure;
import nl.evidencestore.shared.kafka.TopicNames;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.ControllerParty;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.ProcessorParty;
import nl.evidencestore.shared.model.Purpose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two tables that let a verdict see other streams' facts consistently (Art. 1.1 across
 * agreements, Art. 2.3 dated back): written in the appending transaction, and, added to a store
 * that holds events already, filled from those events when they are created.
 */
class CrossStreamTablesIT {
    private static final AgreementId OWN = AgreementId.of("agr-tables-own");
    private static final AgreementId OTHER = AgreementId.of("agr-tables-other");
    private static final Purpose SUPPORT = Purpose.of("REMOTE_SUPPORT");
    private static final DataCategory SURNAME = DataCategory.of("SURNAME");

    private static DataSource database;
    private static TopicNames topics;
    private static String kafka;

    @BeforeAll
    static void database() {
        database = SharedInfrastructure.freshDatabase();
        topics = SharedInfrastructure.freshTopics("tables");
        kafka = SharedInfrastructure.kafkaBootstrap();
    }

    private static CommandSide start() {
        return CommandSide.start(database, kafka, topics, Duration.ofSeconds(2), new SimpleMeterRegistry());
    }

    @Test
    void rowsAreWrittenWithTheirEventsAndRefilledFromTheEventsWhenTheTablesAreNew() throws SQLException {
        List<String> written;
        try (CommandSide commands = start()) {
            draft(commands, OWN);
            draft(commands, OTHER);
            commands.submitter().submit(new RegisterInstruction(OTHER, "ticket-tables", "SUPPORT_TICKET",
                    LocalDate.of(2026, 3, 10), null, List.of(SUPPORT), List.of(SURNAME)));
            commands.accesses().submit(List.of(
                    access("acc-tables-1", new Actor("emp-tables", ActorKind.EMPLOYEE, null)),
                    access("acc-tables-2", new Actor("emp-tables", ActorKind.EMPLOYEE, null)),
                    access("acc-tables-3", new Actor("robot-tables", ActorKind.SYSTEM, null))));
            written = rows();
        }
        assertThat(written).containsExactly("employee emp-tables agr-tables-own",
                "instruction ticket-tables agr-tables-other");

        execute("DROP TABLE instruction_register", "DROP TABLE employee_agreement");
        try (CommandSide restarted = start()) {
            assertThat(rows()).as("filled from the events, as a store that predates the tables").isEqualTo(written);
        }
        try (CommandSide again = start()) {
            assertThat(rows()).as("and filled once").isEqualTo(written);
        }
    }

    private static void draft(CommandSide commands, AgreementId agreement) {
        commands.submitter().submit(new DraftAgreement(agreement,
                new ControllerParty(ControllerId.of("practice-" + agreement), "Praktijk", "Straat 1", "J. Jansen"),
                new ProcessorParty("Citodent Imaging B.V.", "Amstel 312", "P. Reijers"), "0".repeat(64), "1",
                List.of(SURNAME), List.of(SUPPORT), List.of(), false));
    }

    private static ReportedAccess access(String accessId, Actor actor) {
        return new ReportedAccess(accessId, OWN, actor, SUPPORT, "ticket-tables", List.of(SURNAME), "patient-1",
                Country.of("NL"), "remote-support", Instant.parse("2026-04-01T09:00:00Z"));
    }

    private static List<String> rows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet found = statement.executeQuery("SELECT 'employee ' || employee_id || ' ' || agreement_id"
                     + " FROM employee_agreement UNION ALL SELECT 'instruction ' || instruction_id || ' ' || agreement_id"
                     + " FROM instruction_register ORDER BY 1")) {
            while (found.next()) {
                rows.add(found.getString(1));
            }
        }
        return rows;
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
