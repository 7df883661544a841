package io.gridside.link.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Encodes messages as CBOR payloads and decodes them by their wire code. */
public final class MessageCodec {

    private static final ObjectMapper CBOR = CBORMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // A field left out is off-schema; read as null it would fail far from the link instead.
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(TopologySnapshot.Node.class, NodeOnTheWire.class)
            .build();

    /** How a topology node is written: what the gateway does not know of its radio is left out (section 6.25). */
    private abstract static class NodeOnTheWire {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String firmware();

        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = UnknownTraffic.class)
        abstract long trafficPerHour();
    }

    /** Leaves out a traffic the gateway does not know; Jackson drops the values this filter calls equal. */
    static final class UnknownTraffic {

        @Override
        public boolean equals(Object value) {
            return value instanceof Long traffic && traffic == TopologySnapshot.Node.TRAFFIC_UNKNOWN;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(TopologySnapshot.Node.TRAFFIC_UNKNOWN);
        }
    }

    private MessageCodec() {
    }

    public static byte[] encode(Message message) {
        if (message instanceof FirmwareChunk chunk) {
            // The bulk of an upload: written straight, as the generic encoder would write it.
            return FirmwareChunkCbor.encode(chunk);
        }
        return encodeGenerically(message);
    }

    /**
     * The payload {@link #encode} writes, as the pieces it is made of, in order and not joined: a firmware chunk's
     * data is a piece of its own, the very bytes the chunk holds, so that a link copies them once, into its writer's
     * buffer, and not into a payload first.
     */
    public static List<ByteString> encodeInPieces(Message message) {
        if (message instanceof FirmwareChunk chunk) {
            return FirmwareChunkCbor.encodeInPieces(chunk);
        }
        return List.of(ByteString.adopt(encodeGenerically(message)));
    }

    /** The payload the generic encoder writes for {@code message}; what a faster encoder must match. */
    static byte[] encodeGenerically(Message message) {
        try {
            return CBOR.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new IllegalStateException("A " + message.getClass().getSimpleName() + " could not be encoded.", e);
        }
    }

    /**
     * Decodes a payload of the given wire code.
     *
     * @throws MalformedMessageException when the code is unknown or the payload does not fit its schema
     */
    public static Message decode(int code, byte[] payload) {
        return decode(code, payload, false);
    }

    /**
     * Decodes a payload as {@link #decode} does, taking it over: the message may hold runs of {@code payload} rather
     * than copies of them (a firmware chunk's data), so nobody may change the array afterwards. For a message a link
     * has just put together from its fragments, which nothing else holds.
     *
     * @throws MalformedMessageException as {@link #decode} does
     */
    public static Message decodeTakingOver(int code, byte[] payload) {
        return decode(code, payload, true);
    }

    private static Message decode(int code, byte[] payload, boolean takeOver) {
        MessageCatalogue.Entry entry = MessageCatalogue.byCode(code);
        if (entry == null) {
            throw new MalformedMessageException(String.format("unknown message type 0x%02x", code));
        }
        Message message = entry.type() == FirmwareChunk.class ? FirmwareChunkCbor.decodeOrNull(payload, takeOver)
                : null;
        if (message != null) {
            return message;
        }
        try {
            message = read(payload, entry.type());
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedMessageException("a " + entry.type().getSimpleName()
                    + " whose payload does not fit its schema: " + rootMessage(e));
        }
        if (message == null) {
            throw new MalformedMessageException("a " + entry.type().getSimpleName() + " whose payload is null");
        }
        return message;
    }

    /**
     * The fields of {@code message} as plain values that deterministic CBOR carries: maps keyed by field name,
     * lists, text (instants, dates and enums as the codec writes them), integers, byte strings, booleans and nulls.
     *
     * @throws IllegalArgumentException when the message holds a value that has no such form, such as a fraction
     */
    public static Map<String, Object> fields(Message message) {
        return MessageFields.plainMap(CBOR.valueToTree(message));
    }

    /**
     * The message of wire code {@code code} whose fields {@link #fields} gave.
     *
     * @throws MalformedMessageException when the code is unknown or the fields do not fit its schema
     */
    public static Message fromFields(int code, Map<?, ?> fields) {
        MessageCatalogue.Entry entry = MessageCatalogue.byCode(code);
        if (entry == null) {
            throw new MalformedMessageException(String.format("unknown message type 0x%02x", code));
        }
        try {
            Message message = CBOR.treeToValue(MessageFields.tree(fields), entry.type());
            if (message == null) {
                throw new MalformedMessageException("a " + entry.type().getSimpleName() + " with no fields");
            }
            return message;
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedMessageException("a " + entry.type().getSimpleName()
                    + " whose fields do not fit its schema: " + rootMessage(e));
        }
    }

    /** Reads a payload as {@code type}, as this codec reads every message: also how an older schema reads it. */
    static <T> T read(byte[] payload, Class<T> type) throws IOException {
        return CBOR.readValue(payload, type);
    }

    /** Reads a tree of fields as {@code type}, as this codec reads every message. */
    static <T> T convert(JsonNode tree, Class<T> type) {
        try {
            return CBOR.treeToValue(tree, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String text = root.getMessage();
        return text == null ? root.getClass().getSimpleName() : text.lines().findFirst().orElse(text);
    }
}
