package io.gridside.sim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The named scenarios that ship with the simulator, and scenario files of one's own. */
public final class Scenarios {

    private static final String FOLDER = "/io/gridside/sim/scenarios/";

    private Scenarios() {
    }

    /** The names of the scenarios that ship with the simulator, in the order they are listed. */
    public static List<String> names() {
        return resource("index.txt").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** Every scenario that ships with the simulator, in the order of {@link #names()}. */
    public static List<Scenario> all() {
        return names().stream().map(Scenarios::named).toList();
    }

    /**
     * The scenario that ships under {@code name}.
     *
     * @throws IllegalArgumentException when none does, with the names there are
     */
    public static Scenario named(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("There is no scenario named '" + name + "'; the scenarios are "
                    + String.join(", ", names()) + ", or give a scenario file.");
        }
        return ScenarioParser.parse("scenario " + name, resource(name + ".json"));
    }

    /**
     * Reads a scenario file.
     *
     * @throws ScenarioException when it breaks a rule, naming the field and step
     * @throws IllegalArgumentException when it cannot be read
     */
    public static Scenario read(Path file) {
        try {
            return ScenarioParser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("The scenario file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("The scenario file " + file + " could not be read: "
                    + e.getMessage(), e);
        }
    }

    /** A scenario that ships under {@code nameOrFile}, or else the scenario file at that path. */
    public static Scenario byNameOrFile(String nameOrFile) {
        if (names().contains(nameOrFile)) {
            return named(nameOrFile);
        }
        if (nameOrFile.endsWith(".json") || nameOrFile.contains("/") || Files.exists(Path.of(nameOrFile))) {
            return read(Path.of(nameOrFile));
        }
        return named(nameOrFile);
    }

    private static String resource(String name) {
        try (InputStream in = Scenarios.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("The simulator's scenario resource " + name + " is missing.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
