package io.gridside.installers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the installers profile built, as its test finds it: the packages folder and the project's version come in
 * as system properties from {@code installers/pom.xml}, and commands run here as a technician's shell would.
 */
final class BuiltPackages {

    /** Where the .deb and the .rpm install the console; nothing of a user's goes there. */
    static final String INSTALL_DIR = "opt/gridside";

    private BuiltPackages() {
    }

    /** The one package of this file type in the packages folder, such as {@code gridside_0.1.0-1_amd64.deb}. */
    static Path single(String extension) throws IOException {
        Path folder = Path.of(property("installers.packages"));
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().endsWith("." + extension))
                    .toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one ." + extension + " in " + folder + ", found " + found);
            }
            return found.get(0);
        }
    }

    /** Whether the profile built a package of this file type (-Dinstallers.types may leave one out). */
    static boolean built(String extension) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(property("installers.packages")))) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith("." + extension));
        }
    }

    /** The project's version, as {@code gridside --version} prints it (0.1.0-SNAPSHOT). */
    static String projectVersion() {
        return property("installers.version");
    }

    /** The version as the packages carry it: the numbers of the project's version (0.1.0). */
    static String packageVersion() {
        return projectVersion().replaceFirst("[^0-9.].*$", "").replaceFirst("\\.$", "");
    }

    static boolean onPath(String tool) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!folder.isBlank() && Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command with extra environment variables and returns its exit code and its output and errors. */
    static Run run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Path output = Files.createTempFile("installers-run", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            // A guard against a launcher that hangs, not a measure: the headless demo takes seconds.
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not stop");
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static Run run(String... command) throws IOException, InterruptedException {
        return run(List.of(command), Map.of());
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run this test with mvn -Pinstallers");
        }
        return value;
    }

    /** A finished command: its exit code and what it printed. */
    record Run(int exitCode, String output) {
    }
}
