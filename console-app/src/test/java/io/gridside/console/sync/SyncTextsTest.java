package io.gridside.console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every key the sync screen and indicator ask for is in their bundle, so no part of them shows a raw key. */
class SyncTextsTest {

    /** Every whole key written out: in a call of {@code I18n.text}, in a ternary or as a column's title. */
    private static final Pattern KEY_USE = Pattern.compile(
            "\"((?:ago|indicator|sync|task)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
    private static final ResourceBundle BUNDLE = I18n.bundle("io.gridside.console.sync.sync", Locale.ENGLISH);

    @Test
    void everyKeyWrittenOutInTheCodeIsInTheBundle() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src", "main", "java", "io", "gridside", "console", "sync"))) {
            for (Path file : files.toList()) {
                Matcher matcher = KEY_USE.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }

        assertThat(used).hasSizeGreaterThan(60);
        assertThat(used).allSatisfy(key -> assertThat(BUNDLE.containsKey(key)).as(key).isTrue());
    }

    @Test
    void everyKeyMadeFromANameIsInTheBundle() {
        for (SyncPriority priority : SyncPriority.values()) {
            assertThat(BUNDLE.containsKey("sync.waiting." + priority.name().toLowerCase(Locale.ROOT)))
                    .as(priority.name()).isTrue();
        }
        for (String stream : new String[] {"payments", "ledger", "events", "customers", "readings", "tariffs",
            "topups", "firmware", "credentials"}) {
            assertThat(BUNDLE.containsKey("sync.stream." + stream)).as(stream).isTrue();
        }
        for (String key : new String[] {"sync.review.field.name", "sync.review.field.phone",
            "sync.review.field.address", "sync.review.from.cloud", "sync.review.from.console"}) {
            assertThat(BUNDLE.containsKey(key)).as(key).isTrue();
        }
    }

    @Test
    void countsReadInTheSingularAndTheTimesInAPersonsWords() {
        Instant now = Instant.parse("2026-06-03T09:07:00Z");
        assertThat(I18n.text("indicator.online", 1, "synced just now")).isEqualTo(
                "1 waiting \u00b7 synced just now");
        assertThat(I18n.text("indicator.attention", 1)).startsWith("1 item needs attention");
        assertThat(Ago.text(now.minusSeconds(20), now)).isEqualTo("just now");
        assertThat(Ago.text(now.minusSeconds(4 * 60 + 5), now)).isEqualTo("4 min ago");
        assertThat(Ago.text(now.minusSeconds(3 * 86_400), now)).isEqualTo("3 days ago");
    }
}
