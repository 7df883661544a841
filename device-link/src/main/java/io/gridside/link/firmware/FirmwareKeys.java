package io.gridside.link.firmware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.JsonFiles;
import io.gridside.link.auth.SigningKey;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Ed25519 keys trusted to sign firmware, and their key files. Immutable.
 *
 * <p>A key file is UTF-8 JSON; the signing copy, kept by whoever makes images and readable by its owner only,
 * adds the 32-byte private seed:
 *
 * <pre>
 * {
 *   "format" : "gridside-firmware-key/1",
 *   "publicKey" : "base64 of 32 bytes",
 *   "privateKey" : "base64 of 32 bytes; only in the signing copy"
 * }
 * </pre>
 *
 * <p>KNOWN SHORTCOMING: a key cannot be revoked short of removing its file from every console and gateway, and a
 * manifest names no expiry, so an image signed by a key found compromised stays acceptable wherever the key is
 * still trusted.
 */
public final class FirmwareKeys {

    public static final String FORMAT = "gridside-firmware-key/1";
    private static final String WHAT = "firmware key";

    private final Set<ByteString> keys;

    private FirmwareKeys(Set<ByteString> keys) {
        this.keys = Collections.unmodifiableSet(keys);
    }

    /**
     * @throws IllegalArgumentException when a key is not 32 bytes
     */
    public static FirmwareKeys of(Collection<ByteString> publicKeys) {
        Set<ByteString> keys = new LinkedHashSet<>();
        for (ByteString key : publicKeys) {
            if (key.size() != Ed25519.KEY_SIZE) {
                throw new IllegalArgumentException("An Ed25519 public key is 32 bytes, this one is " + key.size()
                        + ".");
            }
            keys.add(key);
        }
        return new FirmwareKeys(keys);
    }

    public static FirmwareKeys of(ByteString... publicKeys) {
        return of(List.of(publicKeys));
    }

    /** The keys of both. */
    public FirmwareKeys with(FirmwareKeys more) {
        Set<ByteString> union = new LinkedHashSet<>(keys);
        union.addAll(more.keys);
        return new FirmwareKeys(union);
    }

    public boolean trusts(ByteString publicKey) {
        return keys.contains(publicKey);
    }

    /** The raw public keys, in the order they were given. */
    public Set<ByteString> keys() {
        return keys;
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The keys' fingerprints, as {@code SHA256:...}. */
    public List<String> fingerprints() {
        return keys.stream().map(Ed25519::fingerprint).toList();
    }

    /**
     * The keys of every {@code *.json} file in {@code directory}, public or signing copies.
     *
     * @throws java.nio.file.NoSuchFileException when the directory does not exist
     * @throws IOException naming the file, when one is not a firmware key file
     */
    public static FirmwareKeys load(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(directory, "*.json")) {
            found.forEach(files::add);
        }
        files.sort(null);
        List<ByteString> keys = new ArrayList<>();
        for (Path file : files) {
            keys.add(readPublicKey(file));
        }
        return of(keys);
    }

    /** Reads the public key, from either copy of a key file. */
    public static ByteString readPublicKey(Path file) throws IOException {
        return publicKey(JsonFiles.read(file, FORMAT, WHAT), file);
    }

    /**
     * Reads the signing copy of a key file.
     *
     * @throws IOException when the file holds no private key, or one that does not match its public key
     */
    public static SigningKey readSigningKey(Path file) throws IOException {
        JsonNode root = JsonFiles.read(file, FORMAT, WHAT);
        ByteString publicKey = publicKey(root, file);
        if (!root.has("privateKey")) {
            throw new IOException("The firmware key file " + file + " holds only the public key; signing takes "
                    + "the private key file.");
        }
        SigningKey key;
        try {
            key = SigningKey.fromSeed(JsonFiles.base64(root, "privateKey", file));
        } catch (IllegalArgumentException e) {
            throw new IOException("The private key in " + file + " is not usable: " + e.getMessage(), e);
        }
        if (!key.publicKey().equals(publicKey)) {
            throw new IOException("The private and public keys in " + file + " do not belong together.");
        }
        return key;
    }

    private static ByteString publicKey(JsonNode root, Path file) throws IOException {
        ByteString key = JsonFiles.base64(root, "publicKey", file);
        if (key.size() != Ed25519.KEY_SIZE) {
            throw new IOException("The public key in " + file + " is " + key.size() + " bytes, not 32.");
        }
        return key;
    }

    /** Writes the signing copy, readable by its owner only; an existing file is not replaced. */
    public static void writeSigningKey(Path file, SigningKey key) throws IOException {
        ObjectNode root = publicPart(key.publicKey());
        root.put("privateKey", key.seed().base64());
        JsonFiles.write(file, root, true, false);
    }

    /** Writes the public copy, for consoles and gateways to trust; an existing file is not replaced. */
    public static void writePublicKey(Path file, ByteString publicKey) throws IOException {
        JsonFiles.write(file, publicPart(publicKey), false, false);
    }

    private static ObjectNode publicPart(ByteString publicKey) {
        ObjectNode root = JsonFiles.object(FORMAT);
        root.put("publicKey", publicKey.base64());
        return root;
    }

    @Override
    public String toString() {
        return "FirmwareKeys" + fingerprints();
    }
}
