package io.gridside.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JVM options every launcher gives the console ({@code jvm.options}): this Java starts with them, a misspelt
 * one fails here even though the file tells the JVM to ignore the options it does not know, and the options that
 * make an older or newer Java 17 accept the native heap trim come before it.
 */
class JvmOptionsTest {

    private static final String IGNORE_UNKNOWN = "-XX:+IgnoreUnrecognizedVMOptions";
    private static final String UNLOCK = "-XX:+UnlockExperimentalVMOptions";
    private static final String TRIM = "-XX:TrimNativeHeapInterval=";

    @Test
    void theUnlockAndTheIgnoreComeBeforeTheTrim() throws IOException {
        List<String> options = options();

        int trim = indexStartingWith(options, TRIM);
        assertThat(trim).as("the trim option").isNotNegative();
        assertThat(options.indexOf(UNLOCK)).as("unlocked before the trim").isBetween(0, trim - 1);
        assertThat(options.indexOf(IGNORE_UNKNOWN)).as("ignored where unknown, said before the trim")
                .isBetween(0, trim - 1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void thisJavaStartsWithEveryOptionAndPrintsNothingOnTheStandardOutput() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        options().stream().filter(option -> !option.equals(IGNORE_UNKNOWN)).forEach(command::add);
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();

        String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(java.waitFor()).as("%s exits", command).isZero();
        assertThat(out).as("what the JVM printed where --json answers go").isEmpty();
    }

    /** The options of {@code jvm.options}, one a line, without comments; the tests run in the module's folder. */
    private static List<String> options() throws IOException {
        return Files.readAllLines(Path.of("jvm.options")).stream().map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty()).toList();
    }

    private static int indexStartingWith(List<String> options, String prefix) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
