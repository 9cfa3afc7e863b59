package nl.evidencestore.shared.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests too broken for java.net.http to send, written on a socket. */
class JettyProblemsTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aMalformedUriGetsAProblem() throws IOException {
        String response = raw("GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400").contains("Content-Type: " + Problems.CONTENT_TYPE)
                .contains("\"status\":400").doesNotContain("%zz");
    }

    @Test
    void oversizedHeadersGetAProblem() throws IOException {
        String response = raw("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 431").contains("Content-Type: " + Problems.CONTENT_TYPE);
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), ISO_8859_1);
        }
    }
}
