package dev.monitoringlab.vm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Fetches a node exporter's /metrics the ways a client can: plain, over TLS trusting one CA, with or without a password. */
final class NodeExporterHttp {
    private NodeExporterHttp() {
    }

    /** GET over TLS, trusting only {@code caCert}; basic auth when {@code user} is not null. */
    static HttpResponse<String> getTls(URI uri, Path caCert, String user, String password) {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(caCert)).connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        if (user != null) {
            req.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return send(client, req.build());
    }

    /** GET in plain HTTP, as the lab's Prometheus would. */
    static HttpResponse<String> getPlain(URI uri) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return send(client, HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static SSLContext trusting(Path caCert) {
        try (InputStream in = Files.newInputStream(caCert)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA certificate " + caCert, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + caCert + ": " + e.getMessage(), e);
        }
    }
}
