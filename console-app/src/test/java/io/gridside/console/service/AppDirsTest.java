package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each platform's folders, asked of {@link AppDirs#forPlatform} with the platform's name, a home and an environment
 * passed in, so every platform is checked on the machine the tests run on. Paths are written the Linux way here;
 * only where they lead matters.
 */
class AppDirsTest {

    private static final Path HOME = Path.of("/home/amina");

    @Test
    void linuxFollowsTheXdgBaseDirectoriesWhenTheyAreSet() {
        AppDirs dirs = AppDirs.forPlatform("Linux", HOME, Map.of(
                "XDG_DATA_HOME", "/srv/amina/data",
                "XDG_CONFIG_HOME", "/srv/amina/config",
                "XDG_STATE_HOME", "/srv/amina/state",
                "XDG_RUNTIME_DIR", "/run/user/1000")::get);

        assertThat(dirs.data()).isEqualTo(Path.of("/srv/amina/data/gridside"));
        assertThat(dirs.config()).isEqualTo(Path.of("/srv/amina/config/gridside"));
        assertThat(dirs.logs()).isEqualTo(Path.of("/srv/amina/state/gridside/logs"));
        assertThat(dirs.runtime()).isEqualTo(Path.of("/run/user/1000/gridside"));
        assertThat(dirs.siteDatabase("KIBERA-01")).isEqualTo(Path.of("/srv/amina/data/gridside/sites/KIBERA-01.db"));
    }

    @Test
    void linuxFallsBackToTheSpecificationsDefaultsUnderTheHome() {
        AppDirs dirs = AppDirs.forPlatform("Linux", HOME, Map.<String, String>of()::get);

        assertThat(dirs.data()).isEqualTo(HOME.resolve(".local/share/gridside"));
        assertThat(dirs.config()).isEqualTo(HOME.resolve(".config/gridside"));
        assertThat(dirs.logs()).isEqualTo(HOME.resolve(".local/state/gridside/logs"));
        assertThat(dirs.runtime()).isEqualTo(HOME.resolve(".local/share/gridside/run"));
    }

    @Test
    void linuxIgnoresARelativeXdgFolderAsTheSpecificationAsks() {
        AppDirs dirs = AppDirs.forPlatform("Linux", HOME, Map.of(
                "XDG_DATA_HOME", "relative/data", "XDG_RUNTIME_DIR", "run")::get);

        assertThat(dirs.data()).isEqualTo(HOME.resolve(".local/share/gridside"));
        assertThat(dirs.runtime()).isEqualTo(HOME.resolve(".local/share/gridside/run"));
    }

    @Test
    void windowsRoamsTheSettingsAndKeepsSitesAndLogsOnTheMachine() {
        AppDirs dirs = AppDirs.forPlatform("Windows 11", HOME, Map.of(
                "APPDATA", "/users/amina/AppData/Roaming",
                "LOCALAPPDATA", "/users/amina/AppData/Local")::get);

        assertThat(dirs.config()).isEqualTo(Path.of("/users/amina/AppData/Roaming/Gridside/config"));
        assertThat(dirs.defaultCredential())
                .isEqualTo(Path.of("/users/amina/AppData/Roaming/Gridside/config/credential.json"));
        assertThat(dirs.data()).isEqualTo(Path.of("/users/amina/AppData/Local/Gridside/data"));
        assertThat(dirs.logs()).isEqualTo(Path.of("/users/amina/AppData/Local/Gridside/logs"));
        assertThat(dirs.runtime()).isEqualTo(Path.of("/users/amina/AppData/Local/Gridside/run"));
    }

    @Test
    void windowsWithoutItsVariablesUsesTheUsualFoldersUnderTheProfile() {
        AppDirs dirs = AppDirs.forPlatform("Windows 10", HOME, Map.<String, String>of()::get);

        assertThat(dirs.config()).isEqualTo(HOME.resolve("AppData/Roaming/Gridside/config"));
        assertThat(dirs.data()).isEqualTo(HOME.resolve("AppData/Local/Gridside/data"));
        assertThat(dirs.logs()).isEqualTo(HOME.resolve("AppData/Local/Gridside/logs"));
    }

    @Test
    void macosKeepsDataAndSettingsInApplicationSupportAndLogsInLibraryLogs() {
        AppDirs dirs = AppDirs.forPlatform("Mac OS X", HOME, Map.of("XDG_DATA_HOME", "/srv/ignored")::get);

        assertThat(dirs.data()).isEqualTo(HOME.resolve("Library/Application Support/Gridside"));
        assertThat(dirs.config()).isEqualTo(HOME.resolve("Library/Application Support/Gridside"));
        assertThat(dirs.logs()).isEqualTo(HOME.resolve("Library/Logs/Gridside"));
        assertThat(dirs.statements()).isEqualTo(HOME.resolve("Library/Application Support/Gridside/statements"));
    }

    @Test
    void gridsideHomeOverridesEveryPlatformsFolders() {
        String previous = System.getProperty("gridside.home");
        System.setProperty("gridside.home", "/media/usb/gridside");
        try {
            AppDirs dirs = AppDirs.forCurrentUser();

            assertThat(dirs.data()).isEqualTo(Path.of("/media/usb/gridside/data"));
            assertThat(dirs.config()).isEqualTo(Path.of("/media/usb/gridside/config"));
            assertThat(dirs.logs()).isEqualTo(Path.of("/media/usb/gridside/logs"));
        } finally {
            if (previous == null) {
                System.clearProperty("gridside.home");
            } else {
                System.setProperty("gridside.home", previous);
            }
        }
    }
}
