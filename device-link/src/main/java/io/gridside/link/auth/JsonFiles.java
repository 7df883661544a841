package io.gridside.link.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.site.RefusedFileException;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The small JSON files of the link's keys and records (this package's and the firmware keys'): read with errors
 * that name the file and field, written whole.
 */
public final class JsonFiles {

    public static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonFiles() {
    }

    /** The file's top-level object, whose {@code format} must be {@code format}. */
    public static JsonNode read(Path file, String format, String what) throws IOException {
        return parse(Files.readString(file), file.toString(), format, what);
    }

    /**
     * The top-level object of {@code text}, whose {@code format} must be {@code format}.
     *
     * @param origin where the text came from, to name it in errors
     */
    public static JsonNode parse(String text, String origin, String format, String what) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RefusedFileException("file.notJson", "The " + what + " file " + origin + " is not JSON: "
                    + e.getOriginalMessage() + ".", e, origin);
        }
        if (root == null || !root.isObject() || !format.equals(root.path("format").asText())) {
            throw new RefusedFileException("file.format", "The file " + origin + " is not "
                    + (what.matches("[aeiou].*") ? "an " : "a ") + what + " file (its format is not " + format + ").",
                    null, origin, format);
        }
        return root;
    }

    public static String text(JsonNode root, String field, Object origin) throws IOException {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new RefusedFileException("file.lacks", "The file " + origin + " lacks its " + field + ".", null,
                    origin, field);
        }
        return value.asText();
    }

    public static ByteString base64(JsonNode root, String field, Object origin) throws IOException {
        try {
            return ByteString.fromBase64(text(root, field, origin));
        } catch (IllegalArgumentException e) {
            throw new RefusedFileException("file.base64", "The " + field + " in " + origin + " is not base64.", e,
                    origin, field);
        }
    }

    public static ObjectNode object(String format) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", format);
        return root;
    }

    /**
     * Writes {@code root} to {@code file} through a temporary file, so a crash never leaves half of it.
     *
     * @param secret whether only the owner may read it (where the file system has POSIX permissions)
     * @param replace whether an existing file may be replaced
     */
    public static void write(Path file, JsonNode root, boolean secret, boolean replace) throws IOException {
        if (!replace && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "it exists; it is not replaced");
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            if (secret && Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, JSON.writeValueAsString(root) + System.lineSeparator());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
