package io.gridside.console.about;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The licences of the libraries the console ships with, from the list kept beside its texts
 * ({@code licences.csv}). The list is kept by hand and checked by a test against the jars on the class path, so
 * that it is as exact as a generated one and readable in review.
 */
public final class Licences {

    private static final String RESOURCE = "/io/gridside/console/licences.csv";

    private Licences() {
    }

    /** Every library of the list, in its order. */
    public static List<Licence> all() {
        try (InputStream in = Licences.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The console was built without its list of licences " + RESOURCE);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("The list of licences could not be read.", e);
        }
    }

    /** The library whose jar {@code jarName} is, if the list has it. */
    public static Optional<Licence> ofJar(String jarName) {
        return all().stream().filter(licence -> licence.names(jarName)).findFirst();
    }

    private static List<Licence> read(BufferedReader reader) {
        return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(Licences::parse).toList();
    }

    private static Licence parse(String line) {
        String[] parts = line.split(",", 3);
        if (parts.length != 3) {
            throw new IllegalStateException("A line of the list of licences is not 'artifact,version,licence': "
                    + line);
        }
        return new Licence(parts[0].strip(), parts[1].strip(), parts[2].strip());
    }
}
