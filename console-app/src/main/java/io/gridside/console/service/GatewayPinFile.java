package io.gridside.console.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.link.auth.KeyReplacementFile;
import io.gridside.link.auth.SignedKeyReplacement;
import io.gridside.link.client.GatewayPin;
import io.gridside.link.client.GatewayPins;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The gateway keys this laptop has pinned, one per site, in {@code gateway-pins.json} in the config folder:
 * readable JSON, so that a supervisor can see and compare what is pinned.
 *
 * <pre>
 * {
 *   "format" : "gridside-gateway-pins/1",
 *   "sites" : {
 *     "site-42" : { "gatewayId" : "GW-1A2B3C", "publicKey" : "base64 of 32 bytes",
 *                   "fingerprint" : "SHA256:...", "pinnedAt" : "2026-06-03T09:07:00Z", "pinnedBy" : "T-0042",
 *                   "replacementRecord" : { the operator's record that made the pin, when one did } }
 *   }
 * }
 * </pre>
 *
 * <p>Each change rewrites the whole file through a temporary one, under a lock, so that two consoles on one
 * laptop never lose each other's pins and a crash never leaves half a file. A file that cannot be read refuses
 * every session instead of being taken for empty, which would let any gateway be pinned again.
 */
public final class GatewayPinFile implements GatewayPins {

    public static final String FILE = "gateway-pins.json";
    private static final String FORMAT = "gridside-gateway-pins/1";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path file;

    public GatewayPinFile(Path file) {
        this.file = file;
    }

    /** The pins of this user, in the config folder. */
    public static GatewayPinFile of(AppDirs dirs) {
        return new GatewayPinFile(dirs.config().resolve(FILE));
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<GatewayPin> find(String siteId) throws IOException {
        return Optional.ofNullable(readAll().get(siteId));
    }

    @Override
    public synchronized void save(GatewayPin pin) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path lockFile = file.resolveSibling(FILE + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            Map<String, GatewayPin> pins = readAll();
            pins.put(pin.siteId(), pin);
            write(pins);
        }
    }

    @Override
    public synchronized void forget(GatewayPin pin) throws IOException {
        Path lockFile = file.resolveSibling(FILE + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            Map<String, GatewayPin> pins = readAll();
            GatewayPin kept = pins.get(pin.siteId());
            if (kept != null && kept.publicKey().equals(pin.publicKey()) && kept.gatewayId().equals(pin.gatewayId())) {
                pins.remove(pin.siteId());
                write(pins);
            }
        }
    }

    private Map<String, GatewayPin> readAll() throws IOException {
        Map<String, GatewayPin> pins = new TreeMap<>();
        if (!Files.exists(file)) {
            return pins;
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw damaged("it is not JSON", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("sites").isObject()) {
            throw damaged("it is not a " + FORMAT + " file", null);
        }
        for (Iterator<Map.Entry<String, JsonNode>> sites = root.get("sites").fields(); sites.hasNext();) {
            Map.Entry<String, JsonNode> site = sites.next();
            pins.put(site.getKey(), pin(site.getKey(), site.getValue()));
        }
        return pins;
    }

    private GatewayPin pin(String siteId, JsonNode node) throws IOException {
        try {
            ByteString key = ByteString.fromBase64(node.path("publicKey").asText());
            GatewayPin pin = new GatewayPin(siteId, node.path("gatewayId").asText(), key,
                    Instant.parse(node.path("pinnedAt").asText()), node.path("pinnedBy").asText(),
                    record(siteId, node.get("replacementRecord")));
            if (key.size() != 32) {
                throw damaged("the key of site " + siteId + " is not 32 bytes", null);
            }
            return pin;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw damaged("the pin of site " + siteId + " is damaged", e);
        }
    }

    private SignedKeyReplacement record(String siteId, JsonNode node) throws IOException {
        if (node == null) {
            return null;
        }
        try {
            return KeyReplacementFile.fromJson(node, "the pin of site " + siteId);
        } catch (IOException e) {
            throw damaged("the record that pinned the key of site " + siteId + " is damaged", e);
        }
    }

    private void write(Map<String, GatewayPin> pins) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode sites = root.putObject("sites");
        for (GatewayPin pin : pins.values()) {
            ObjectNode node = sites.putObject(pin.siteId());
            node.put("gatewayId", pin.gatewayId());
            node.put("publicKey", pin.publicKey().base64());
            node.put("fingerprint", pin.fingerprint());
            node.put("pinnedAt", pin.pinnedAt().toString());
            node.put("pinnedBy", pin.pinnedBy());
            if (pin.replacement() != null) {
                node.set("replacementRecord", KeyReplacementFile.toJson(pin.replacement()));
            }
        }
        Path temporary = file.resolveSibling(FILE + ".tmp");
        Files.writeString(temporary, JSON.writeValueAsString(root) + System.lineSeparator());
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private IOException damaged(String what, Exception cause) {
        return new IOException("the pins file " + file + " cannot be read (" + what + "); restore it from a "
                + "backup, or have a supervisor remove it and pin every site again", cause);
    }
}
