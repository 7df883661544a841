package io.gridside.link.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a message's tree of fields into the plain values that deterministic CBOR carries, and back. */
final class MessageFields {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MessageFields() {
    }

    static Map<String, Object> plainMap(JsonNode tree) {
        if (!(plain(tree) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a message's fields form a map");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((name, value) -> fields.put((String) name, value));
        return fields;
    }

    private static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), plain(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        return bytes(node);
    }

    private static ByteString bytes(JsonNode node) {
        try {
            if (node.isBinary()) {
                return ByteString.of(node.binaryValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node instanceof POJONode pojo && pojo.getPojo() instanceof byte[] raw) {
            return ByteString.of(raw);
        }
        throw new IllegalArgumentException("a field holds " + node.getNodeType() + ", which a signed command "
                + "does not carry");
    }

    static JsonNode tree(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((name, item) -> object.set(String.valueOf(name), tree(item)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(tree(item)));
            return array;
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        if (value instanceof ByteString bytes) {
            return NODES.binaryNode(bytes.toByteArray());
        }
        throw new IllegalArgumentException("a field holds a " + value.getClass().getSimpleName()
                + ", which a message does not carry");
    }
}
