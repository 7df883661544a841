package io.gridside.console.service;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the console keeps its per-user files, in each platform's usual place: site databases and settings
 * under the data and config folders, logs under their own, and what lives only while programs run (such as the
 * pseudo-terminals simulators publish) under the runtime folder. {@code gridside.home} overrides all of them, for
 * tests and portable installs.
 */
public final class AppDirs {

    private static final String APP = "gridside";

    private final Path data;
    private final Path config;
    private final Path logs;
    private final Path runtime;

    private AppDirs(Path data, Path config, Path logs, Path runtime) {
        this.data = data;
        this.config = config;
        this.logs = logs;
        this.runtime = runtime;
    }

    /** The folders for this user on this machine. */
    public static AppDirs forCurrentUser() {
        String override = System.getProperty("gridside.home", System.getenv("GRIDSIDE_HOME"));
        if (override != null && !override.isBlank()) {
            Path home = Path.of(override);
            return new AppDirs(home.resolve("data"), home.resolve("config"), home.resolve("logs"),
                    home.resolve("run"));
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path local = envPath("LOCALAPPDATA", home.resolve("AppData").resolve("Local")).resolve("Gridside");
            return new AppDirs(local.resolve("data"), local.resolve("config"), local.resolve("logs"),
                    local.resolve("run"));
        }
        if (os.contains("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("Gridside");
            return new AppDirs(support, support, home.resolve("Library").resolve("Logs").resolve("Gridside"),
                    support.resolve("run"));
        }
        Path state = envPath("XDG_STATE_HOME", home.resolve(".local").resolve("state")).resolve(APP);
        Path data = envPath("XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve(APP);
        return new AppDirs(data, envPath("XDG_CONFIG_HOME", home.resolve(".config")).resolve(APP),
                state.resolve("logs"), linuxRuntime(data));
    }

    /** The user's runtime folder, which the system empties at logout; without one, a folder under the data. */
    private static Path linuxRuntime(Path data) {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        return runtime == null || runtime.isBlank() ? data.resolve("run") : Path.of(runtime).resolve(APP);
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

    /** Files that mean something only while the programs that wrote them run. */
    public Path runtime() {
        return runtime;
    }

    /** Where a technician's credential file is looked for when none is named: {@code credential.json}. */
    public Path defaultCredential() {
        return config.resolve("credential.json");
    }

    /** The database file of a site. */
    public Path siteDatabase(String siteId) {
        return data.resolve("sites").resolve(siteId + ".db");
    }

    /** Where the console writes customers' statements it exports. */
    public Path statements() {
        return data.resolve("statements");
    }

    /** Where the console writes the cash receipts it prints. */
    public Path receipts() {
        return data.resolve("receipts");
    }

    /** Where the console writes the pictures and files of the mesh it exports. */
    public Path exports() {
        return data.resolve("exports");
    }

    /** Points the logging configuration at the log folder; call before the first logger is made. */
    public void configureLogging() {
        System.setProperty("gridside.logs.dir", logs.toString());
    }
}
