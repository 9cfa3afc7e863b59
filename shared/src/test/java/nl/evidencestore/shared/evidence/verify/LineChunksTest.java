package nl.evidencestore.shared.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Chunks hold the stream's lines, each with its newline, in order, none lost, split or joined. */
class LineChunksTest {
    @Test
    void random_streams_read_in_random_pieces_give_every_line_as_a_plain_split_does() throws IOException {
        Random random = new Random(23);
        for (int n = 0; n < 2_000; n++) {
            byte[] stream = stream(random);
            List<String> lines = lines(new LineChunks(new Trickle(stream, random), 1 + random.nextInt(64)));
            assertThat(lines).as(Arrays.toString(stream)).isEqualTo(split(stream));
        }
    }

    @Test
    void an_empty_stream_has_no_lines_and_a_lone_newline_is_one() throws IOException {
        assertThat(lines(new LineChunks(new ByteArrayInputStream(new byte[0]), 8))).isEmpty();
        assertThat(lines(new LineChunks(new ByteArrayInputStream(new byte[] {'\n'}), 8))).containsExactly("\n");
        assertThat(lines(new LineChunks(new ByteArrayInputStream("a\nb".getBytes()), 8))).containsExactly("a\n", "b");
    }

    @Test
    void a_line_longer_than_any_event_is_refused_one_as_long_as_the_limit_is_not() throws IOException {
        byte[] longest = new byte[LineChunks.MAX_LINE];
        Arrays.fill(longest, (byte) 'x');
        longest[longest.length - 1] = '\n';
        LineChunks chunks = new LineChunks(new ByteArrayInputStream(longest));
        assertThat(chunks.next().to(0)).isEqualTo(LineChunks.MAX_LINE);
        assertThat(chunks.next()).isNull();

        for (byte last : new byte[] {'\n', 'x'}) {
            byte[] tooLong = Arrays.copyOf(longest, LineChunks.MAX_LINE + 1);
            tooLong[LineChunks.MAX_LINE - 1] = 'x';
            tooLong[LineChunks.MAX_LINE] = last;
            assertThatThrownBy(() -> new LineChunks(new ByteArrayInputStream(tooLong)).next())
                    .isInstanceOf(IOException.class).hasMessageContaining("longer than");
        }
    }

    private static List<String> lines(LineChunks chunks) throws IOException {
        List<String> lines = new ArrayList<>();
        for (LineChunks.Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
            assertThat(chunk.lines()).isPositive();
            for (int i = 0; i < chunk.lines(); i++) {
                lines.add(new String(chunk.bytes(), chunk.from(i), chunk.to(i) - chunk.from(i), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return lines;
    }

    /** The reference: every newline ends a line; what follows the last one, if anything, is a line too. */
    private static List<String> split(byte[] stream) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < stream.length; i++) {
            if (stream[i] == '\n') {
                lines.add(new String(stream, from, i + 1 - from, java.nio.charset.StandardCharsets.ISO_8859_1));
                from = i + 1;
            }
        }
        if (from < stream.length) {
            lines.add(new String(stream, from, stream.length - from, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return lines;
    }

    private static byte[] stream(Random random) {
        byte[] stream = new byte[random.nextInt(400)];
        for (int i = 0; i < stream.length; i++) {
            stream[i] = (byte) (random.nextInt(12) == 0 ? '\n' : random.nextInt(256));
        }
        return stream;
    }

    /** Hands out what it holds in pieces of random size, as an inflater does. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private int at;

        Trickle(byte[] bytes, Random random) {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] to, int offset, int length) {
            if (at == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, 1 + random.nextInt(40)), bytes.length - at);
            System.arraycopy(bytes, at, to, offset, n);
            at += n;
            return n;
        }
    }
}
