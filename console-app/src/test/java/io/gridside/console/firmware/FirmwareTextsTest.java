package io.gridside.console.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.console.service.firmware.PushPhase;
import io.gridside.site.firmware.CampaignStatus;
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

/** Every key the Firmware screen asks for is in its bundle, so no part of the screen shows a raw key. */
class FirmwareTextsTest {

    private static final Pattern KEY_USE = Pattern.compile("I18n\\.text\\(\\s*\"([A-Za-z0-9_.]+)\"\\s*[,)]");
    private static final ResourceBundle BUNDLE = I18n.bundle("io.gridside.console.firmware.firmware", Locale.ENGLISH);

    @Test
    void everyKeyWrittenOutInTheScreensCodeIsInTheBundle() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src", "main", "java", "io", "gridside", "console",
                "firmware"))) {
            for (Path file : files.toList()) {
                Matcher matcher = KEY_USE.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }

        assertThat(used).hasSizeGreaterThan(40);
        assertThat(used).allSatisfy(key -> assertThat(BUNDLE.containsKey(key)).as(key).isTrue());
    }

    @Test
    void everyKeyMadeFromANameIsInTheBundle() {
        for (PushPhase phase : PushPhase.values()) {
            assertThat(BUNDLE.containsKey("firmware.phase." + phase)).as(phase.name()).isTrue();
        }
        for (CampaignStatus status : CampaignStatus.values()) {
            assertThat(BUNDLE.containsKey("firmware.status." + status)).as(status.name()).isTrue();
        }
        for (String tab : new String[] {"fleet", "image", "gateway", "campaign", "history"}) {
            assertThat(BUNDLE.containsKey("firmware.tab." + tab)).as(tab).isTrue();
        }
        for (String detail : new String[] {"product", "hardware", "version", "counter", "size", "sha", "chunks",
            "signer", "built", "notes"}) {
            assertThat(BUNDLE.containsKey("firmware.detail." + detail)).as(detail).isTrue();
        }
        for (String rule : new String[] {"canary", "firstWave", "growth", "confirm", "pause", "soak", "attempts",
            "concurrency"}) {
            assertThat(BUNDLE.containsKey("firmware.policy." + rule)).as(rule).isTrue();
        }
    }
}
