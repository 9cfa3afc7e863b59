package nl.evidencestore.shared.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    @Test
    void splitsRandomRecordsAsTheByteLoopDoesWhereverTheReadsEnd() throws IOException {
        Random random = new Random(3);
        String pieces = "ab,\"\r\n";
        for (int n = 0; n < 3_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(200); i > 0; i--) {
                text.append(pieces.charAt(random.nextInt(pieces.length())));
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            int chunk = 1 + random.nextInt(20);
            CsvRecords records = new CsvRecords(new ByteArrayInputStream(bytes) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, chunk));
                }
            });
            List<String> read = new ArrayList<>();
            for (byte[] record = records.next(); record != null; record = records.next()) {
                read.add(new String(record, StandardCharsets.UTF_8));
            }
            assertThat(read).as(text.toString()).isEqualTo(split(text.toString()));
        }
    }

    /** The records as a byte at a time finds them: CRLF ends one outside quotes. */
    private static List<String> split(String text) {
        List<String> records = new ArrayList<>();
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && i > from && text.charAt(i - 1) == '\r' && !quoted) {
                records.add(text.substring(from, i + 1));
                from = i + 1;
                quoted = false;
            }
        }
        if (from < text.length()) {
            records.add(text.substring(from));
        }
        return records;
    }

    private static String last(String record) {
        byte[] cell = CsvRecords.lastCellBytes(record.getBytes(StandardCharsets.UTF_8));
        return cell == null ? null : new String(cell, StandardCharsets.UTF_8);
    }
}
