package io.gridside.console.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.site.commission.CommissionStep;
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

/**
 * The Commissioning screen's strings are read through the console's translator under {@code commission.}, so that
 * the language the console is switched to is the screen's too, and none of them is missing from their bundle.
 */
class CommissionTextsTest {

    private static final Pattern KEY_USE = Pattern.compile(
            "CommissionTexts\\.text\\(\\s*\"([A-Za-z0-9_.]+)\"\\s*[,)]");
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle(
            "io.gridside.console.commission.commission", Locale.ROOT);

    @Test
    void everyKeyTheScreenAsksForIsInTheConsolesBundle() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_USE.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }

        assertThat(used).as("keys found in the sources").hasSizeGreaterThan(40);
        assertThat(used).allSatisfy(key -> assertThat(BUNDLE.containsKey("commission." + key)).as(key).isTrue());
    }

    @Test
    void everyStepAndVerdictHasAName() {
        for (CommissionStep step : CommissionStep.values()) {
            assertThat(BUNDLE.containsKey("commission.step." + step.name())).as(step.name()).isTrue();
        }
        for (String verdict : new String[] {"pass", "attention", "fail"}) {
            assertThat(BUNDLE.containsKey("commission.check." + verdict)).as(verdict).isTrue();
        }
    }

    @Test
    void readsThroughTheConsolesTranslator() {
        assertThat(CommissionTexts.text("action.proceed")).isEqualTo(I18n.text("commission.action.proceed"))
                .isEqualTo("Continue");
        assertThat(CommissionTexts.text("joined.typeOf", "mtr-r2", 3)).isEqualTo("mtr-r2, 3-phase");
        assertThat(CommissionTexts.text("no.such")).isEqualTo("!commission.no.such!");
    }
}
