package io.gridside.console.service;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

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
        return forPlatform(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")),
                System::getenv);
    }

    /**
     * The folders a user whose home is {@code home} gets on the system named {@code osName} (as Java's
     * {@code os.name} names it), with {@code environment} giving the user's environment variables. On Windows,
     * settings roam with the user in %APPDATA% while site databases, logs and runtime files stay on the machine
     * in %LOCALAPPDATA%; on macOS, data and settings live in Application Support and logs in ~/Library/Logs; on
     * Linux and other systems, the XDG base directories (data, config, state for logs, runtime).
     */
    public static AppDirs forPlatform(String osName, Path home, Function<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path local = envPath(environment, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"))
                    .resolve("Gridside");
            Path roaming = envPath(environment, "APPDATA", home.resolve("AppData").resolve("Roaming"))
                    .resolve("Gridside");
            return new AppDirs(local.resolve("data"), roaming.resolve("config"), local.resolve("logs"),
                    local.resolve("run"));
        }
        if (os.contains("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("Gridside");
            return new AppDirs(support, support, home.resolve("Library").resolve("Logs").resolve("Gridside"),
                    support.resolve("run"));
        }
        Path state = xdgPath(environment, "XDG_STATE_HOME", home.resolve(".local").resolve("state")).resolve(APP);
        Path data = xdgPath(environment, "XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve(APP);
        Path config = xdgPath(environment, "XDG_CONFIG_HOME", home.resolve(".config")).resolve(APP);
        // Without a runtime folder (which the system empties at logout), a folder under the data.
        Path runtime = xdgPath(environment, "XDG_RUNTIME_DIR", null);
        Path run = runtime == null ? data.resolve("run") : runtime.resolve(APP);
        return new AppDirs(data, config, state.resolve("logs"), run);
    }

    private static Path envPath(Function<String, String> environment, String name, Path fallback) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    /** An XDG variable's folder: the base directory specification ignores a relative path as unset. */
    private static Path xdgPath(Function<String, String> environment, String name, Path fallback) {
        String value = environment.apply(name);
        return value == null || !Path.of(value).isAbsolute() ? fallback : Path.of(value);
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

    /** The folder of the sites' database files. */
    public Path sites() {
        return data.resolve("sites");
    }

    /** The database file of a site. */
    public Path siteDatabase(String siteId) {
        return sites().resolve(siteId + ".db");
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
