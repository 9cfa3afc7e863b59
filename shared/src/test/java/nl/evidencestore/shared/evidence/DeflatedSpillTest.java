package nl.evidencestore.shared.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeflatedSpillTest {
    @TempDir
    Path dir;

    @Test
    void storedAndDeflatedRunsSpillAsOneDeflateStreamOfTheirBytes() throws IOException, DataFormatException {
        byte[] deflatedPlain = "a,timeline,row\n".repeat(500).getBytes(StandardCharsets.US_ASCII);
        byte[] storedPlain = "s".repeat(70_000).getBytes(StandardCharsets.US_ASCII);
        Deflater deflater = DeflatedRun.deflater();
        byte[] spilled;
        try (DeflatedSpill spill = new DeflatedSpill(dir.resolve("timeline.spill"))) {
            spill.add(DeflatedRun.of(deflatedPlain, deflatedPlain.length, deflater));
            spill.add(DeflatedRun.stored(storedPlain, storedPlain.length));
            try (InputStream in = spill.deflated()) {
                spilled = in.readAllBytes();
            }
        } finally {
            deflater.end();
        }

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(deflatedPlain);
        expected.write(storedPlain);
        assertThat(inflated(spilled)).isEqualTo(expected.toByteArray());
    }

    /** The spill's runs end on byte boundaries, not final: an empty final stored block closes them. */
    private static byte[] inflated(byte[] runs) throws DataFormatException {
        byte[] stream = new byte[runs.length + 5];
        System.arraycopy(runs, 0, stream, 0, runs.length);
        stream[runs.length] = 1; // BFINAL 1, BTYPE 00
        stream[runs.length + 3] = (byte) 0xff;
        stream[runs.length + 4] = (byte) 0xff;
        Inflater inflater = new Inflater(true);
        inflater.setInput(stream);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) {
                break;
            }
            out.write(buffer, 0, n);
        }
        inflater.end();
        return out.toByteArray();
    }
}
