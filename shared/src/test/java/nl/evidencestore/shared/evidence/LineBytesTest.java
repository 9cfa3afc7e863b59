package nl.evidencestore.shared.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import nl.evidencestore.shared.json.JcsText;
import org.junit.jupiter.api.Test;

class LineBytesTest {
    @Test
    void writesJsonStringsAsJcsDoes() {
        for (String value : List.of("", "plain-ascii_1.2:3", "say \"hi\"", "back\\slash", "tab\there", "\u0001\u001f",
                "del\u007f", "é and ĳ", "😀", "Ł")) {
            StringBuilder jcs = new StringBuilder();
            JcsText.string(jcs, value);
            assertThat(new String(new LineBytes(1).jsonString(value).toByteArray(), StandardCharsets.UTF_8))
                    .as(value).isEqualTo(jcs.toString());
        }
    }

    @Test
    void growsPastItsFirstCapacity() {
        LineBytes bytes = new LineBytes(1);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            bytes.ascii("line ").decimal(i).bytes(new byte[] {'\n'});
            expected.append("line ").append(i).append('\n');
        }
        assertThat(bytes.length()).isEqualTo(expected.length());
        assertThat(new String(bytes.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }

    @Test
    void deflatesStoredOrCompressedToTheSameBytes() throws Exception {
        LineBytes bytes = new LineBytes(16);
        for (int i = 0; i < 20_000; i++) {
            bytes.ascii("{\"sequence\":").decimal(i).ascii("}\n");
        }
        for (int level : new int[] {Deflater.NO_COMPRESSION, Deflater.BEST_SPEED}) {
            Deflater deflater = DeflatedRun.deflater(level);
            DeflatedRun run = bytes.deflate(deflater);
            deflater.end();
            Inflater inflater = new Inflater(true);
            inflater.setInput(run.deflated(), 0, run.deflatedLength());
            byte[] plain = new byte[bytes.length() + 1];
            int inflated = inflater.inflate(plain);
            inflater.end();
            assertThat(inflated).as("level %d", level).isEqualTo(bytes.length());
            assertThat(Arrays.copyOf(plain, inflated)).isEqualTo(bytes.toByteArray());
        }
    }

    @Test
    void aDeflaterWhoseLevelChangedStillTakesTheWholeRun() throws Exception {
        byte[] plain = "{\"a\":1}\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        Deflater deflater = DeflatedRun.deflater(Deflater.BEST_SPEED);
        deflater.setLevel(Deflater.NO_COMPRESSION);
        DeflatedRun run = DeflatedRun.of(plain, plain.length, deflater);
        deflater.end();
        Inflater inflater = new Inflater(true);
        inflater.setInput(run.deflated(), 0, run.deflatedLength());
        byte[] back = new byte[plain.length + 1];
        assertThat(inflater.inflate(back)).isEqualTo(plain.length);
        inflater.end();
    }
}
