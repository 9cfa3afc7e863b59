package nl.evidencestore.shared.evidence.report;

import static nl.evidencestore.shared.evidence.report.ReportTestData.AGREEMENT;
import static nl.evidencestore.shared.evidence.report.ReportTestData.SCOPE;
import static nl.evidencestore.shared.evidence.report.ReportTestData.access;
import static nl.evidencestore.shared.evidence.report.ReportTestData.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.agreement.AgreementTookEffect;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.evidence.report.ReportTestData.Chain;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.subject.SealedSubject;
import org.junit.jupiter.api.Test;

class TimelineCsvTest {
    private static final SealedSubject SUBJECT = new SealedSubject("key-s", "cw==");

    @Test
    void the_header_is_the_fixed_column_list_ended_by_crlf() {
        assertThat(new String(TimelineCsv.header(), StandardCharsets.UTF_8)).isEqualTo("occurredAt,recordedAt,accessId,"
                + "actorId,actorKind,subProcessorId,purpose,instructionRef,categories,country,system,verdict,articles,"
                + "recordedLate,subject\r\n");
    }

    @Test
    void a_row_carries_the_access_with_lists_joined_by_semicolons() {
        EventLine line = new Chain(AGREEMENT.value())
                .add(access("acc-1", "2026-03-02T09:00:00Z", "1.3", "ANNEX_1"), "2026-03-02T09:00:01.5Z").lines().get(0);

        assertThat(row(line, "patient-42")).hasValue("2026-03-02T09:00:00.000000Z,2026-03-02T09:00:01.500000Z,acc-1,"
                + "emp-7,EMPLOYEE,,REMOTE_SUPPORT,TICKET-acc-1,SURNAME;BSN,NL,remote-support,VIOLATION,1.3;ANNEX_1,false,"
                + "patient-42\r\n");
    }

    @Test
    void cells_with_commas_quotes_or_line_breaks_are_quoted_and_quotes_doubled() {
        assertThat(CsvCells.cell("plain")).isEqualTo("plain");
        assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvCells.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.cell("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(CsvCells.cell(null)).isEmpty();
    }

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe() {
        assertThat(CsvCells.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvCells.cell("+31 20")).isEqualTo("'+31 20");
        assertThat(CsvCells.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvCells.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void fields_from_the_processors_tools_are_neutralised_in_a_row() {
        AccessRecorded hostile = new AccessRecorded(AGREEMENT, "acc-2", new Actor("emp-7", ActorKind.EMPLOYEE, null),
                new Purpose("REMOTE_SUPPORT"), "=cmd|' /C calc'!A0", List.of(), SUBJECT, new Country("NL"), "@sys,tem",
                Instant.parse("2026-03-02T09:00:00Z"), Verdict.of(List.of()), true, false, "eea");
        EventLine line = new Chain(AGREEMENT.value()).add(hostile, "2026-03-02T09:00:00Z").lines().get(0);

        assertThat(row(line, "-erased").orElseThrow()).endsWith(",'=cmd|' /C calc'!A0,,NL,\"'@sys,tem\",COMPLIANT,,false,'-erased\r\n");
    }

    @Test
    void only_accesses_given_in_full_and_recorded_inside_the_period_have_a_row() {
        List<EventLine> lines = new Chain(AGREEMENT.value())
                .add(new AgreementTookEffect(AGREEMENT, day("2026-01-01")), "2026-03-01T00:00:00Z")
                .add(access("before", "2026-02-28T23:00:00Z"), "2026-02-28T23:59:59Z")
                .add(access("first", "2026-02-28T23:00:00Z"), "2026-03-01T00:00:00Z")
                .add(access("last", "2026-03-31T23:00:00Z"), "2026-03-31T23:59:59Z")
                .add(access("after", "2026-03-31T23:00:00Z"), "2026-04-01T00:00:00Z")
                .stub(access("stubbed", "2026-03-05T10:00:00Z"), "2026-04-01T00:00:01Z")
                .lines();

        List<String> rows = lines.stream().map(line -> row(line, "s")).flatMap(Optional::stream).toList();

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains(",first,");
        assertThat(rows.get(1)).contains(",last,");
    }

    @Test
    void an_access_of_another_agreement_has_no_row() {
        AccessRecorded other = new AccessRecorded(new nl.evidencestore.shared.model.AgreementId("agr-2"), "acc-9",
                new Actor("emp-7", ActorKind.EMPLOYEE, null), new Purpose("REMOTE_SUPPORT"), "T", List.of(), SUBJECT,
                new Country("NL"), "sys", Instant.parse("2026-03-02T09:00:00Z"),
                Verdict.of(List.of(new Violation("1.1", "x"))), true, false, "eea");
        EventLine line = new Chain("agr-2").add(other, "2026-03-02T09:00:00Z").lines().get(0);

        assertThat(TimelineCsv.row(line, SCOPE, "s")).isEmpty();
    }

    private static Optional<String> row(EventLine line, String subject) {
        return TimelineCsv.row(line, SCOPE, subject).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }
}
