package io.gridside.sim.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The simulated cloud's TLS: its committed TEST server certificate, issued by a committed test CA (both made by
 * {@code make-test-keystore.sh} beside them; their keys are public), and the pins a console holds of either.
 */
public final class CloudTls {

    /** The password of the committed test keystores; public, like their keys. */
    static final char[] PASSWORD = "gridside-test".toCharArray();
    private static final String SERVER_STORE = "cloud-test-server.p12";
    private static final String CA_CERTIFICATE = "cloud-test-ca.pem";
    private static final String SERVER_ALIAS = "server";

    private CloudTls() {
    }

    /** An SSL context that presents the test server certificate and its chain. */
    public static SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(serverStore(), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The cloud's test certificate could not be loaded.", e);
        }
    }

    /** The test server certificate. */
    public static X509Certificate serverCertificate() {
        try {
            return (X509Certificate) serverStore().getCertificate(SERVER_ALIAS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The cloud's test certificate could not be read.", e);
        }
    }

    /** The test CA's certificate, which issued the server's. */
    public static X509Certificate caCertificate() {
        try (InputStream in = resource(CA_CERTIFICATE)) {
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            return (X509Certificate) certificate;
        } catch (IOException e) {
            throw new UncheckedIOException("The cloud's test CA could not be read.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The cloud's test CA is not a certificate.", e);
        }
    }

    /** {@code sha256/<base64 SHA-256 of the SubjectPublicKeyInfo>} of {@code certificate}. */
    public static String pin(X509Certificate certificate) {
        try {
            byte[] spki = certificate.getPublicKey().getEncoded();
            return "sha256/" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * An SSL context that trusts the test CA alone, as a test's client uses; a console pins instead.
     */
    public static SSLContext clientContextTrustingTestCa() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("gridside-test-ca", caCertificate());
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("A context trusting the test CA could not be made.", e);
        }
    }

    private static KeyStore serverStore() {
        try (InputStream in = resource(SERVER_STORE)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("The cloud's test keystore could not be read.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The cloud's test keystore could not be opened.", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = CloudTls.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the build.");
        }
        return in;
    }
}
