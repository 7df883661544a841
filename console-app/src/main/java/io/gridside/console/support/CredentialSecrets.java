package io.gridside.console.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.auth.TechnicianKeyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a redactor of what a technician's credential file holds: its holder (name and id) as a person, and the
 * signed credential, its signature and the technician's keys (in it and in the key file beside it) as secrets. The
 * files are read as plain JSON rather than checked as a credential, so that a damaged or edited file is kept out
 * of a bundle too.
 */
final class CredentialSecrets {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialSecrets.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The names of the fields that hold a technician's credential id, in the console's files and the events. */
    static final java.util.Set<String> ID_FIELDS = java.util.Set.of("technicianId", "technicianIds", "supervisorId",
            "pinnedBy", "by", "voidedBy", "takenBy");

    private CredentialSecrets() {
    }

    /** Tells {@code redactor} of the holder and secrets of the credential file {@code file}, if there is one. */
    static void tell(Path file, Redactor.Builder redactor) {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        tellKey(TechnicianKeyFile.nextTo(file), redactor);
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode details = root.path("details");
            String technicianId = details.path("technicianId").asText("");
            if (!technicianId.isEmpty()) {
                redactor.technician(technicianId);
                redactor.person(technicianId, List.of(details.path("name").asText("")));
            }
            redactor.secret(root.path("credential").asText(""));
            redactor.secret(root.path("signature").asText(""));
            redactor.secret(details.path("technicianKey").asText(""));
        } catch (IOException e) {
            // Nothing of it can be told, but nothing of it goes into the bundle either.
            LOG.warn("The credential file {} could not be read for the diagnostics bundle: {}", file, e.getMessage());
        }
    }

    /**
     * Tells {@code redactor} of every technician named in the JSON files of {@code folder} (not below it): the
     * holders of credential files kept there, and who pinned a gateway's key in the pins file. A file that is not
     * JSON is passed over; it names no one the bundle takes.
     */
    static void tellFolder(Path folder, Redactor.Builder redactor) {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                tell(file, redactor);
                tellIds(file, redactor);
            }
        } catch (IOException e) {
            LOG.warn("The folder {} could not be listed for the technicians it names: {}", folder, e.getMessage());
        }
    }

    private static void tellIds(Path file, Redactor.Builder redactor) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            tellIds(JSON.readTree(file.toFile()), redactor);
        } catch (IOException e) {
            LOG.debug("{} is not JSON; it names no technician the bundle takes: {}", file, e.getMessage());
        }
    }

    /** Tells of the value of every field of {@code node}, at any depth, that names a technician by their id. */
    static void tellIds(JsonNode node, Redactor.Builder redactor) {
        node.fields().forEachRemaining(field -> {
            if (ID_FIELDS.contains(field.getKey())) {
                if (field.getValue().isArray()) {
                    field.getValue().forEach(id -> redactor.technician(id.asText("")));
                } else if (field.getValue().isTextual()) {
                    redactor.technician(field.getValue().asText());
                }
            }
        });
        node.elements().forEachRemaining(child -> tellIds(child, redactor));
    }

    /** Tells {@code redactor} of the keys in the technician's key file kept beside a credential, if there is one. */
    private static void tellKey(Path file, Redactor.Builder redactor) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            redactor.secret(root.path("privateKey").asText(""));
            redactor.secret(root.path("publicKey").asText(""));
        } catch (IOException e) {
            LOG.warn("The key file {} could not be read for the diagnostics bundle: {}", file, e.getMessage());
        }
    }
}
