package io.gridside.link.auth;

import io.gridside.link.message.Hello;
import io.gridside.link.message.HelloReply;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's proof that it holds the identity key it presents: its signature of a transcript of the hello
 * (the console's fresh nonce included) and of every field of its reply but the proof. A recorded reply does
 * not answer a new nonce, and a reply whose fields were changed on the way does not verify.
 *
 * <p>The transcript is the deterministic CBOR of
 * {@code {"type": "gridside/hello-proof/1", "hello": {...}, "reply": {...}}}, each inner map keyed by the
 * messages' field names, instants as ISO 8601 text in UTC, byte strings as byte strings.
 */
public final class HelloProof {

    public static final String TYPE = "gridside/hello-proof/1";
    /** What a session id hashes ahead of the proof, so that it means nothing else. */
    public static final String SESSION_ID_TYPE = "gridside/session-id/1";
    /** The bytes of a session id. */
    public static final int SESSION_ID_LENGTH = 16;

    private HelloProof() {
    }

    /** {@code reply} with the gateway's key and its proof; whatever key and proof it held are replaced. */
    public static HelloReply sign(Hello hello, HelloReply reply, SigningKey identity) {
        HelloReply keyed = new HelloReply(reply.protocolVersion(), reply.gatewayId(), reply.siteId(),
                reply.siteName(), reply.firmware(), reply.clock(), reply.currency(), reply.timeZone(),
                reply.capabilities(), reply.role(), identity.publicKey(), ByteString.of(new byte[0]));
        return keyed.withProof(identity.sign(transcript(hello, keyed)));
    }

    /** Whether {@code reply} carries its gateway key's signature of this hello and reply. */
    public static boolean verify(Hello hello, HelloReply reply) {
        if (reply.gatewayKey() == null || reply.proof() == null) {
            return false;
        }
        return Ed25519.verify(reply.gatewayKey(), transcript(hello, reply), reply.proof());
    }

    /**
     * The id of the session a hello opened, by which a console resumes it over a new transport: the first 16
     * bytes of the SHA-256 of {@link #SESSION_ID_TYPE}'s UTF-8 bytes followed by the reply's proof. Both ends
     * compute it, and since the proof signs the console's fresh nonce, no two sessions share one.
     */
    public static byte[] sessionId(HelloReply reply) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(SESSION_ID_TYPE.getBytes(StandardCharsets.UTF_8));
            sha256.update(reply.proof().toByteArray());
            return Arrays.copyOf(sha256.digest(), SESSION_ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }

    /** The bytes that are signed. */
    public static byte[] transcript(Hello hello, HelloReply reply) {
        Map<String, Object> helloFields = new LinkedHashMap<>();
        helloFields.put("protocolVersions", hello.protocolVersions());
        helloFields.put("console", hello.console());
        helloFields.put("credential", hello.credential());
        helloFields.put("credentialSignature", hello.credentialSignature());
        helloFields.put("nonce", hello.nonce());

        Map<String, Object> replyFields = new LinkedHashMap<>();
        replyFields.put("protocolVersion", reply.protocolVersion());
        replyFields.put("gatewayId", reply.gatewayId());
        replyFields.put("siteId", reply.siteId());
        replyFields.put("siteName", reply.siteName());
        replyFields.put("firmware", reply.firmware());
        replyFields.put("clock", reply.clock() == null ? null : reply.clock().toString());
        replyFields.put("currency", reply.currency());
        replyFields.put("timeZone", reply.timeZone());
        replyFields.put("capabilities", reply.capabilities());
        replyFields.put("role", reply.role());
        replyFields.put("gatewayKey", reply.gatewayKey());

        Map<String, Object> transcript = new LinkedHashMap<>();
        transcript.put("type", TYPE);
        transcript.put("hello", helloFields);
        transcript.put("reply", replyFields);
        return DeterministicCbor.encode(transcript);
    }
}
