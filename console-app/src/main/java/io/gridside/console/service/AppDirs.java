package io.gridside.console.service;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the console keeps its per-user files, in each platform's usual place: site databases and settings
 * under the data and config folders, logs under their own. {@code gridside.home} overrides all of them, for
 * tests and portable installs.
 */
public final class AppDirs {

    private static final String APP = "gridside";

    private final Path data;
    private final Path config;
    private final Path logs;

    private AppDirs(Path data, Path config, Path logs) {
        this.data = data;
        this.config = config;
        this.logs = logs;
    }

    /** The folders for this user on this machine. */
    public static AppDirs forCurrentUser() {
        String override = System.getProperty("gridside.home", System.getenv("GRIDSIDE_HOME"));
        if (override != null && !override.isBlank()) {
            Path home = Path.of(override);
            return new AppDirs(home.resolve("data"), home.resolve("config"), home.resolve("logs"));
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path local = envPath("LOCALAPPDATA", home.resolve("AppData").resolve("Local")).resolve("Gridside");
            return new AppDirs(local.resolve("data"), local.resolve("config"), local.resolve("logs"));
        }
        if (os.contains("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("Gridside");
            return new AppDirs(support, support, home.resolve("Library").resolve("Logs").resolve("Gridside"));
        }
        Path state = envPath("XDG_STATE_HOME", home.resolve(".local").resolve("state")).resolve(APP);
        return new AppDirs(envPath("XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve(APP),
                envPath("XDG_CONFIG_HOME", home.resolve(".config")).resolve(APP), state.resolve("logs"));
    }

    private static Path envPath(String name, Path fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    public Path data() {
        return data;
    }

    public Path config() {
        return config;
    }

    public Path logs() {
        return logs;
    }

    /** Where a technician's credential file is looked for when none is named: {@code credential.json}. */
    public Path defaultCredential() {
        return config.resolve("credential.json");
    }

    /** The database file of a site. */
    public Path siteDatabase(String siteId) {
        return data.resolve("sites").resolve(siteId + ".db");
    }

    /** Points the logging configuration at the log folder; call before the first logger is made. */
    public void configureLogging() {
        System.setProperty("gridside.logs.dir", logs.toString());
    }
}
