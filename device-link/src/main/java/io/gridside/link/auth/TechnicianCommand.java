package io.gridside.link.auth;

import static io.gridside.link.auth.SignedFields.bytes;
import static io.gridside.link.auth.SignedFields.instant;
import static io.gridside.link.auth.SignedFields.text;

import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCatalogue;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.message.PostAdjustments;
import io.gridside.link.message.PushTariff;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.SignedCommand;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A request that moves money as its technician signs it: which site and gateway it is for, which credential
 * asks, the request's wire type and fields, and a fresh nonce with the time it was issued. Its deterministic
 * CBOR ({@link #encode}) is what the technician's key signs, so the bytes the gateway keeps prove who asked for
 * what, wherever they are checked again.
 *
 * @param credential the SHA-256 of the session's credential bytes, as its operator signed them
 * @param messageType the request's wire code, one of {@link #MONEY_MOVING}
 * @param request the request's fields as {@link MessageCodec#fields} gives them
 * @param nonce {@value #NONCE_SIZE} random bytes, new for every command: the gateway takes each once
 * @param issuedAt when the console signed it, by its reckoning of the gateway's clock
 */
public record TechnicianCommand(String siteId, String gatewayId, ByteString credential, int messageType,
        Map<String, Object> request, ByteString nonce, Instant issuedAt) {

    /** The {@code type} field of the signed map, which keeps a command's signature from meaning anything else. */
    public static final String TYPE = "gridside/command/1";
    public static final int NONCE_SIZE = 16;
    /** The requests that move money, which a gateway takes only as signed commands. */
    public static final Set<Class<? extends Message>> MONEY_MOVING = Set.of(CashTopUp.class, CashVoid.class,
            PostPayments.class, MoveIn.class, MoveOut.class, ExchangeMeter.class, PostAdjustments.class,
            PushTariff.class, PostReadings.class);
    private static final Set<String> FIELDS = Set.of("type", "site", "gateway", "credential", "messageType",
            "request", "nonce", "issuedAt");

    public TechnicianCommand {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(issuedAt, "issuedAt");
        request = new LinkedHashMap<>(request);
    }

    /** Whether {@code request} moves money, and so is taken only as a signed command. */
    public static boolean movesMoney(Message request) {
        return MONEY_MOVING.contains(request.getClass());
    }

    /** The command that asks for {@code request} at a gateway in the session opened with {@code credential}. */
    public static TechnicianCommand of(String siteId, String gatewayId, SignedCredential credential,
            Message request, ByteString nonce, Instant issuedAt) {
        if (!movesMoney(request)) {
            throw new IllegalArgumentException("Only a request that moves money is signed, not a "
                    + request.getClass().getSimpleName() + ".");
        }
        return new TechnicianCommand(siteId, gatewayId, credentialDigest(credential.signed()),
                MessageCatalogue.codeOf(request), MessageCodec.fields(request), nonce, issuedAt);
    }

    /** How a command names a credential: the SHA-256 of the bytes its operator signed. */
    public static ByteString credentialDigest(ByteString signedCredential) {
        return ByteString.of(Ed25519.sha256(signedCredential.toByteArray()));
    }

    /** The request the command asks for. */
    public Message decodedRequest() {
        Message message = MessageCodec.fromFields(messageType, request);
        if (!movesMoney(message)) {
            throw new IllegalArgumentException("a " + message.getClass().getSimpleName() + " does not move money "
                    + "and is not sent as a command");
        }
        return message;
    }

    /** The map that is signed; instants as ISO 8601 text in UTC. */
    public Map<String, Object> toCbor() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", TYPE);
        map.put("site", siteId);
        map.put("gateway", gatewayId);
        map.put("credential", credential);
        map.put("messageType", (long) messageType);
        map.put("request", request);
        map.put("nonce", nonce);
        map.put("issuedAt", issuedAt.toString());
        return map;
    }

    /** The deterministic CBOR that the technician signs. */
    public byte[] encode() {
        return DeterministicCbor.encode(toCbor());
    }

    /** The command signed by {@code key}, as the link carries it. */
    public SignedCommand sign(SigningKey key) {
        byte[] signed = encode();
        return new SignedCommand(ByteString.of(signed), key.sign(signed));
    }

    /**
     * Reads a command from its signed bytes; the signature is not checked here.
     *
     * @throws IllegalArgumentException naming what is wrong, when the bytes are not a command in deterministic
     *     CBOR with every field of the right type and none unknown
     */
    public static TechnicianCommand decode(byte[] cbor) {
        Map<?, ?> map = SignedFields.read(cbor, "a command", TYPE, FIELDS);
        if (!(map.get("messageType") instanceof Long type) || type < 0 || type > 0xFF) {
            throw new IllegalArgumentException("its field messageType is missing or not a wire code");
        }
        if (!(map.get("request") instanceof Map<?, ?> request)) {
            throw new IllegalArgumentException("its field request is missing or not a map");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        request.forEach((name, value) -> {
            if (!(name instanceof String field)) {
                throw new IllegalArgumentException("its request's fields must be named by text");
            }
            fields.put(field, value);
        });
        return new TechnicianCommand(text(map, "site"), text(map, "gateway"), bytes(map, "credential"),
                type.intValue(), fields, bytes(map, "nonce"), instant(map, "issuedAt"));
    }

    /** Whether {@code signature} is the signature of {@code signed} by the key {@code credential} names. */
    public static boolean signedBy(TechnicianCredential credential, ByteString signed, ByteString signature) {
        return credential.hasTechnicianKey()
                && Ed25519.verify(credential.technicianKey(), signed.toByteArray(), signature);
    }
}
