package io.gridside.console.service.sync;

import io.gridside.site.InvalidValueException;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The pin of the operator's cloud: {@code sha256/<base64>}, the SHA-256 of the SubjectPublicKeyInfo of the cloud's
 * certificate or of one of its issuers. The console trusts the cloud by this pin alone, never by the system's
 * trust store, so that a laptop on a hotel network cannot be talked into syncing money with someone else.
 */
public final class CloudPin {

    private static final String PREFIX = "sha256/";
    private static final int DIGEST_BYTES = 32;

    private final byte[] digest;

    private CloudPin(byte[] digest) {
        this.digest = digest;
    }

    /**
     * Reads a pin in its text form.
     *
     * @throws IllegalArgumentException saying what a pin looks like, when {@code text} is not one
     */
    public static CloudPin parse(String text) {
        String value = text == null ? "" : text.strip();
        if (!value.startsWith(PREFIX)) {
            throw new InvalidValueException("pin.prefix", "The cloud pin '" + value + "' is not a pin: a pin reads "
                    + "sha256/ followed by the base64 of 32 bytes, as the operator gives it.", value);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            InvalidValueException refused = new InvalidValueException("pin.base64", "The cloud pin '" + value
                    + "' is not valid base64 after sha256/; copy it again from the operator.", value);
            refused.initCause(e);
            throw refused;
        }
        if (bytes.length != DIGEST_BYTES) {
            throw new InvalidValueException("pin.length", "The cloud pin '" + value + "' holds " + bytes.length
                    + " bytes, not the 32 of a SHA-256; copy it again from the operator.", value, bytes.length);
        }
        return new CloudPin(bytes);
    }

    /** The pin of {@code certificate}'s public key. */
    public static CloudPin of(X509Certificate certificate) {
        return new CloudPin(spkiDigest(certificate));
    }

    /** Whether {@code certificate}'s public key is the pinned one. */
    public boolean matches(X509Certificate certificate) {
        return MessageDigest.isEqual(digest, spkiDigest(certificate));
    }

    /** A TLS context that trusts a server only by this pin. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager()}, null);
            return context;
        } catch (NoSuchAlgorithmException | KeyManagementException e) {
            throw new IllegalStateException("This Java runtime offers no TLS.", e);
        }
    }

    /**
     * A trust manager that accepts a server's chain only when its certificate or an issuer in it holds the pinned
     * key, each certificate up to that one signed by the next and all of them valid now. The JDK still checks the
     * host name against the certificate, since the HTTP client asks it to.
     */
    public X509TrustManager trustManager() {
        return new PinnedTrust();
    }

    @Override
    public String toString() {
        return PREFIX + Base64.getEncoder().encodeToString(digest);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CloudPin pin && Arrays.equals(digest, pin.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    private static byte[] spkiDigest(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime offers no SHA-256.", e);
        }
    }

    /** The refusal of a chain that holds no pinned key, or whose links do not hold; its message says what to do. */
    public static final class PinMismatchException extends CertificateException {

        private static final long serialVersionUID = 1L;

        PinMismatchException(String message) {
            super(message);
        }

        PinMismatchException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final class PinnedTrust implements X509TrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new PinMismatchException("The cloud presented no certificate; it cannot be trusted.");
            }
            int pinned = pinnedIndex(chain);
            if (pinned < 0) {
                throw new PinMismatchException("The cloud's certificate (" + chain[0].getSubjectX500Principal()
                        + ") matches neither it nor its issuers the pin " + CloudPin.this + "; nothing was sent. "
                        + "Either this is not the operator's cloud, or its certificate changed: check the cloud "
                        + "address and ask the operator for the current pin.");
            }
            checkLinks(chain, pinned);
        }

        private int pinnedIndex(X509Certificate[] chain) {
            for (int i = 0; i < chain.length; i++) {
                if (matches(chain[i])) {
                    return i;
                }
            }
            return -1;
        }

        /** Each certificate from the server's up to the pinned one is valid now and signed by the next. */
        private void checkLinks(X509Certificate[] chain, int pinned) throws CertificateException {
            Date now = new Date();
            for (int i = 0; i <= pinned; i++) {
                chain[i].checkValidity(now);
                if (i < pinned) {
                    try {
                        chain[i].verify(chain[i + 1].getPublicKey());
                    } catch (GeneralSecurityException e) {
                        throw new PinMismatchException("The cloud's certificate chain does not hold: "
                                + chain[i].getSubjectX500Principal() + " is not signed by the pinned issuer's "
                                + "chain; nothing was sent. Ask the operator to check the cloud's certificate.", e);
                    }
                }
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("The console trusts no clients.");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
