package nl.evidencestore.shared.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
    @Test
    void takesTheLastCellOnlyAsTheWriterCouldHaveMadeIt() {
        assertThat(last("a,b,c\r\n")).isEqualTo("c");
        assertThat(last("a,b,\r\n")).isEqualTo("");
        assertThat(last("a,b,'=x\r\n")).isEqualTo("'=x");
        assertThat(last("a,\"b,\"\"c\",\"x,y\"\r\n")).isEqualTo("\"x,y\"");
        assertThat(last("a,b,é\r\n")).isEqualTo("é");
        assertThat(last("a,b,=x\r\n")).isNull();
        assertThat(last("a,b,-1\r\n")).isNull();
        assertThat(last("a,b,x\ry\r\n")).isNull();
        assertThat(last("a,b,\"x\"\r\n")).isNull();
        assertThat(last("a,b,c")).isNull();
        assertThat(CsvRecords.lastCellBytes(new byte[] {'a', ',', (byte) 0xFF, '\r', '\n'})).isNotEqualTo(new byte[] {(byte) 0xFF});
    }

    @Test
    void splitsRecordsAtCrLfOutsideQuotesAcrossBuffers() throws IOException {
        String first = "a,\"line\r\nbreak\"," + "x".repeat(70_000) + "\r\n";
        CsvRecords records = new CsvRecords(new ByteArrayInputStream((first + "b,c\r\nd").getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(records.next(), StandardCharsets.UTF_8)).isEqualTo(first);
        assertThat(new String(records.next(), StandardCharsets.UTF_8)).isEqualTo("b,c\r\n");
        assertThat(new String(records.next(), StandardCharsets.UTF_8)).isEqualTo("d");
        assertThat(records.next()).isNull();
    }

    private static String last(String record) {
        byte[] cell = CsvRecords.lastCellBytes(record.getBytes(StandardCharsets.UTF_8));
        return cell == null ? null : new String(cell, StandardCharsets.UTF_8);
    }
}
