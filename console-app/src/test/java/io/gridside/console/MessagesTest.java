package io.gridside.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.CreditState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every key the console's code asks for is in the resource bundle, so no screen shows a raw key. */
class MessagesTest {

    private static final Pattern KEY_USE = Pattern.compile("I18n\\.text\\(\\s*\"([A-Za-z0-9_.]+)\"\\s*[,)]");

    @Test
    void everyKeyUsedInTheCodeIsInTheBundle() throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle("io.gridside.console.messages", Locale.ROOT);
        Set<String> used = keysUsedIn(Path.of("src", "main", "java"));

        assertThat(used).as("keys found in the sources").hasSizeGreaterThan(40);
        assertThat(used).allSatisfy(key -> assertThat(bundle.containsKey(key)).as(key).isTrue());
    }

    @Test
    void everyCreditStateHasAName() {
        ResourceBundle bundle = ResourceBundle.getBundle("io.gridside.console.messages", Locale.ROOT);

        for (CreditState state : CreditState.values()) {
            assertThat(bundle.containsKey("state." + state)).as(state.name()).isTrue();
        }
    }

    @Test
    void aMissingKeyShowsAsMarkedNotAsBlank() {
        assertThat(I18n.text("no.such.key")).isEqualTo("!no.such.key!");
    }

    private static Set<String> keysUsedIn(Path sources) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_USE.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }
}
