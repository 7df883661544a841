package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path home;

    private String previousHome;

    @BeforeEach
    void useTemporaryHome() {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("gridside.home");
        } else {
            System.setProperty("gridside.home", previousHome);
        }
    }

    @Test
    void aSettingSurvivesARestart() {
        AppDirs dirs = AppDirs.forCurrentUser();
        Settings.load(dirs).put("connect.tcp.port", "7811");

        assertThat(Settings.load(dirs).get("connect.tcp.port", "7700")).isEqualTo("7811");
        assertThat(dirs.config()).isEqualTo(home.resolve("config"));
    }

    @Test
    void aSettingForThisLaunchIsReadFirstAndNeverWritten() {
        AppDirs dirs = AppDirs.forCurrentUser();
        Settings settings = Settings.load(dirs);
        settings.put("console.language", "sw");
        settings.putForThisLaunch("console.language", "fr");
        settings.putForThisLaunch("console.theme", "high-contrast");

        settings.put("connect.tcp.port", "7811");

        assertThat(settings.get("console.language", "en")).isEqualTo("fr");
        assertThat(settings.get("console.theme", "light")).isEqualTo("high-contrast");
        Settings next = Settings.load(dirs);
        assertThat(next.get("console.language", "en")).isEqualTo("sw");
        assertThat(next.get("console.theme", "light")).isEqualTo("light");
        assertThat(next.get("connect.tcp.port", "7700")).isEqualTo("7811");
    }

    @Test
    void aChangeInTheConsoleEndsTheLaunchsChoiceAndIsKept() {
        AppDirs dirs = AppDirs.forCurrentUser();
        Settings settings = Settings.load(dirs);
        settings.putForThisLaunch("console.theme", "high-contrast");

        settings.put("console.theme", "dark");

        assertThat(settings.get("console.theme", "light")).isEqualTo("dark");
        assertThat(Settings.load(dirs).get("console.theme", "light")).isEqualTo("dark");
    }

    @Test
    void aMissingSettingGivesTheFallback() {
        assertThat(Settings.load(AppDirs.forCurrentUser()).get("connect.tcp.host", "127.0.0.1"))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void aDamagedFileGivesTheDefaultsInsteadOfFailing() throws IOException {
        AppDirs dirs = AppDirs.forCurrentUser();
        Files.createDirectories(dirs.config());
        Files.write(dirs.config().resolve("settings.properties"), new byte[] {'a', '=', '\\', 'u', 'Z', 'Z'});

        assertThat(Settings.load(dirs).get("a", "fallback")).isEqualTo("fallback");
    }
}
