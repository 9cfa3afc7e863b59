package nl.evidencestore.command.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import nl.evidencestore.command.agreement.SignAgreement;
import nl.evidencestore.command.catalog.CommandCatalog;
import nl.evidencestore.command.catalog.CommandRoute;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.http.Role;
import nl.evidencestore.shared.model.Party;
import org.junit.jupiter.api.Test;

/** A command record's value, {"type":…,"body":…}, into the command its route binds. */
class CommandRecordsTest {
    private static final String SIGNATURE = """
            {"agreementId":"agr-1","party":"CONTROLLER","signatory":"Jan de Vries","place":"Groningen","signedOn":"2026-03-01"}""";

    private final CommandRecords records = new CommandRecords(CommandCatalog.standard());

    @Test
    void thePathParametersOfTheRouteAreFieldsOfTheBody() {
        SignAgreement command = (SignAgreement) records.commandOf(value("agreements/signatures", SIGNATURE));

        assertThat(command.agreementId().toString()).isEqualTo("agr-1");
        assertThat(command.party()).isEqualTo(Party.CONTROLLER);
        assertThat(command.signedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> records.commandOf("{\"type\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> records.commandOf(null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void refusesAnUnknownType() {
        assertThat(fieldOf(() -> records.commandOf(value("agreements/teleportations", SIGNATURE)))).isEqualTo("type");
    }

    @Test
    void refusesACommandThatOnlyAnAdminMaySend() {
        CommandCatalog catalog = new CommandCatalog().add(new CommandRoute("agreements/signatures",
                "/api/v1/agreements/{agreementId}/signatures", SignAgreement.class, Set.of(Role.ADMIN)));

        assertThat(fieldOf(() -> new CommandRecords(catalog).commandOf(value("agreements/signatures", SIGNATURE))))
                .isEqualTo("type");
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        assertThat(fieldOf(() -> records.commandOf(value("agreements/signatures", "[1]")))).isEqualTo("body");
        assertThat(fieldOf(() -> records.commandOf("{\"type\":\"agreements/signatures\"}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("body");
    }

    @Test
    void namesTheFieldWithinTheBodyWithoutRepeatingItsValue() {
        String badDate = SIGNATURE.replace("2026-03-01", "first of March");

        InvalidInput refused = (InvalidInput) catchRefusal(() -> records.commandOf(value("agreements/signatures", badDate)));

        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("body.signedOn");
            assertThat(error.message()).doesNotContain("first of March");
        });
    }

    @Test
    void refusesFieldsBesideTypeAndBody() {
        byte[] value = ("{\"type\":\"agreements/signatures\",\"body\":" + SIGNATURE + ",\"priority\":1}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(fieldOf(() -> records.commandOf(value))).isEqualTo("priority");
    }

    private static byte[] value(String type, String body) {
        return ("{\"type\":\"" + type + "\",\"body\":" + body + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String fieldOf(Runnable reading) {
        return ((InvalidInput) catchRefusal(reading)).errors().get(0).field();
    }

    private static Throwable catchRefusal(Runnable reading) {
        try {
            reading.run();
        } catch (InvalidInput e) {
            return e;
        }
        throw new AssertionError("expected an InvalidInput");
    }

    @Test
    void accessEventsAreABatchWhoseFieldErrorsNameTheItemWithinTheBody() {
        String access = """
                {"accessId":"acc-%d","agreementId":"agr-1","actor":{"id":"robot-1","kind":"SYSTEM"},"purpose":"REMOTE_SUPPORT",
                 "categories":["%s"],"subjectRef":"patient-1","country":"NL","system":"remote-support",
                 "occurredAt":"2026-04-01T09:00:00Z"}""";
        CommandRecords.Parsed parsed = records.parse(value("access-events",
                "[" + access.formatted(1, "SURNAME") + "," + access.formatted(2, "BSN") + "]"));
        assertThat(((CommandRecords.Accesses) parsed).accesses()).hasSize(2);

        assertThat(fieldOf(() -> records.parse(value("access-events",
                "[" + access.formatted(1, "SURNAME") + "," + access.formatted(2, "bsn") + "]"))))
                .startsWith("body[1].categories");
    }

    @Test
    void readsTheBodyAsItCameWhereverItsMembersStand() {
        byte[] value = ("{ \"body\" : {\n  \"agreementId\" : \"agr-1\", \"party\":\"CONTROLLER\",\"signatory\":\"Jan de Vries\","
                + "\"place\":\"Groningen\",\"signedOn\":\"2026-03-01\"\n} , \"type\" : \"agreements/signatures\" }")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(((SignAgreement) records.commandOf(value)).signatory()).isEqualTo("Jan de Vries");
    }

    @Test
    void refusesATypeThatIsNotAString() {
        assertThat(fieldOf(() -> records.commandOf(("{\"type\":7,\"body\":" + SIGNATURE + "}").getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("type");
        assertThat(fieldOf(() -> records.commandOf(("{\"type\":null,\"body\":" + SIGNATURE + "}").getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("type");
    }

    @Test
    void namesTheFieldOfABodyThatIsNotJsonWithinTheRecord() {
        InvalidInput refused = (InvalidInput) catchRefusal(() -> records.parse(value("access-events", "[{\"accessId\":}]")));

        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("body[0].accessId");
            assertThat(error.message()).startsWith("is not well-formed JSON");
        });
    }
}
