package io.gridside.link.client;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/**
 * A technician's credential, presented in the hello.
 *
 * <p>A credential file is a properties file with {@code technician} and {@code token}.
 */
public record Credential(String technicianId, String token) {

    /** The credential that the demo site accepts. */
    public static final Credential DEMO = new Credential("demo-technician", "demo");

    public Credential {
        Objects.requireNonNull(technicianId, "technicianId");
        Objects.requireNonNull(token, "token");
    }

    public static Credential read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        String technician = properties.getProperty("technician");
        String token = properties.getProperty("token");
        if (technician == null || token == null) {
            throw new IOException("The credential file " + file + " must set both 'technician' and 'token'.");
        }
        return new Credential(technician.strip(), token.strip());
    }
}
