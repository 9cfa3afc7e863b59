package nl.evidencestore.infra.web;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS instead of HTTP: the store's key and certificate in a key store (PKCS12 or JKS, the type
 * read from the file). With it the store has one listener, and it speaks TLS only.
 */
public record HttpTls(Path keyStore, String password) {
    public HttpTls {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("EVIDENCE_HTTP_TLS_KEYSTORE needs EVIDENCE_HTTP_TLS_KEYSTORE_PASSWORD");
        }
    }

    /** The listener on {@code host:port} (0: a free port), for Javalin's {@code config.jetty.addConnector}. */
    public Connector connector(Server server, HttpConfiguration http, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(load());
        ssl.setKeyStorePassword(password);
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** Read here, so that a wrong path or password is named at start-up, not as a failed handshake later. */
    private KeyStore load() {
        try {
            return KeyStore.getInstance(keyStore.toFile(), password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("EVIDENCE_HTTP_TLS_KEYSTORE: cannot open " + keyStore
                    + " with the password given: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "HttpTls[" + keyStore + "]";
    }
}
