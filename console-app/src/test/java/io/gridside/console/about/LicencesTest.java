package io.gridside.console.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The list of licences the about screen shows names every library the console runs with, at the version it runs
 * with: a dependency added or upgraded without its licence looked at fails here.
 */
class LicencesTest {

    /**
     * Folders of the local Maven repository whose jars only the tests use (JUnit, AssertJ, ArchUnit, jqwik and what
     * they bring); the console never ships them.
     */
    private static final List<String> TEST_ONLY = List.of("/org/junit/", "/org/opentest4j/", "/org/apiguardian/",
            "/org/assertj/", "/com/tngtech/archunit/", "/net/jqwik/", "/net/bytebuddy/");

    @Test
    void everyLibraryOnTheClassPathHasItsLicenceAtItsVersion() {
        List<Path> libraries = runtimeJars();

        assertThat(libraries).extracting(jar -> jar.getFileName().toString())
                .as("the class path holds the console's libraries")
                .contains("javafx-base-21.0.11.jar", "picocli-4.7.7.jar")
                .allSatisfy(jar -> assertThat(Licences.ofJar(jar))
                        .as("a line of licences.csv for %s", jar).isPresent());
    }

    @Test
    void everyLineOfTheListIsALibraryOnTheClassPath() {
        List<String> jars = runtimeJars().stream().map(jar -> jar.getFileName().toString()).toList();

        assertThat(Licences.all()).isNotEmpty().allSatisfy(licence -> assertThat(jars)
                .as("a jar of %s %s on the class path", licence.artifact(), licence.version())
                .anyMatch(licence::names));
    }

    @Test
    void everyLicenceIsWrittenOut() {
        assertThat(Licences.all()).allSatisfy(licence -> assertThat(licence.licence())
                .matches("[A-Za-z0-9.+-]+( (OR|AND|WITH) [A-Za-z0-9.+-]+)*"));
    }

    @Test
    void aJarNamesItsLibraryWithOrWithoutAPlatformButNotAnotherVersion() {
        Licence javafx = new Licence("javafx-base", "21.0.11", "GPL-2.0-only WITH Classpath-exception-2.0");

        assertThat(javafx.names("javafx-base-21.0.11.jar")).isTrue();
        assertThat(javafx.names("javafx-base-21.0.11-linux.jar")).isTrue();
        assertThat(javafx.names("javafx-base-21.0.12.jar")).isFalse();
        assertThat(javafx.names("javafx-base-21.0.11.1.jar")).isFalse();
        assertThat(javafx.names("javafx-controls-21.0.11.jar")).isFalse();
    }

    /**
     * The libraries of the test's class path that the console itself runs with: the test tools and Gridside's own
     * modules left out.
     */
    private static List<Path> runtimeJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .filter(entry -> TEST_ONLY.stream().noneMatch(tool -> entry.replace('\\', '/').contains(tool)))
                .filter(entry -> !entry.contains("surefire"))
                // Gridside's own modules, built beside this one, are the console itself.
                .filter(entry -> !entry.replace('\\', '/').contains("/target/"))
                .map(Path::of).toList();
    }
}
