import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Packages the console with the JDK's jlink and jpackage: a runtime image of only the modules the console needs,
 * an app image with the launcher, then this system's installers (.deb and .rpm on Linux, .msi on Windows, .dmg on
 * macOS; jpackage builds only for the system it runs on). The installers profile of {@code installers/pom.xml}
 * runs it as a single-file program with {@code name=value} arguments:
 *
 * <pre>
 * java PackageConsole.java version=0.1.0-SNAPSHOT input=FOLDER mainJar=console-app-0.1.0-SNAPSHOT.jar
 *     icons=FOLDER resources=FOLDER modules=java.base,... locales=en,fr,... target=FOLDER [types=deb,rpm]
 *     vendor=... description=... jvmOptions=console-app/jvm.options
 * </pre>
 *
 * Before anything slow runs it checks that every tool the asked types need is there, and names the missing one
 * and how to get it. It writes {@code target/runtime}, {@code target/app-image} and {@code target/packages}.
 */
public final class PackageConsole {

    private static final String MAIN_CLASS = "io.gridside.console.Main";
    /** Windows Installer upgrades an installed Gridside in place when a new .msi carries this code. */
    private static final String WINDOWS_UPGRADE_UUID = "ace7b2c0-f109-451b-bec3-9e4ed2b6af53";
    private static final String MAC_IDENTIFIER = "io.gridside.console";
    private static final String DEB_MAINTAINER = "support@gridside.io";

    /** JVM options that trim glibc's heap, which the JVM does on Linux only (decision 0083). */
    private static final List<String> GLIBC_ONLY = List.of("-XX:TrimNativeHeapInterval=");

    private final Map<String, String> options;
    private final Platform platform;
    private final Path target;

    private PackageConsole(Map<String, String> options) {
        this.options = options;
        this.platform = Platform.current();
        this.target = Path.of(option("target"));
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                fail("arguments are name=value, not '" + arg + "'");
            }
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        new PackageConsole(options).run();
    }

    private void run() throws IOException, InterruptedException {
        List<String> types = types();
        checkTools(types);
        long started = System.nanoTime();

        Path runtime = runtimeImage();
        Path appImage = appImage(runtime);
        installers(types, appImage);

        System.out.printf("installers: built in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** jlink: the modules and locales asked for, without debug symbols, headers or manual pages. */
    private Path runtimeImage() throws IOException, InterruptedException {
        Path runtime = target.resolve("runtime");
        deleteTree(runtime);
        exec(jdkTool("jlink"), "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=2",
                "--include-locales=" + option("locales"),
                "--add-modules", option("modules").replaceAll("\\s", ""), "--output", runtime.toString());
        report("runtime image", runtime);
        return runtime;
    }

    private Path appImage(Path runtime) throws IOException, InterruptedException {
        Path images = target.resolve("app-image");
        deleteTree(images);
        exec(appImageCommand(runtime, images));
        Path appImage = images.resolve(platform.appImageName(appName()));
        report("app image", appImage);
        return appImage;
    }

    /** Each installer is made from the one app image, so all carry the same launcher and runtime. */
    private void installers(List<String> types, Path appImage) throws IOException, InterruptedException {
        Path packages = target.resolve("packages");
        deleteTree(packages);
        for (String type : types) {
            if (!type.equals("app-image")) {
                exec(packageCommand(type, appImage, packages));
            }
        }
        if (Files.isDirectory(packages)) {
            try (Stream<Path> built = Files.list(packages)) {
                for (Path file : built.sorted().toList()) {
                    report(file.getFileName().toString(), file);
                }
            }
        }
    }

    /** The types asked for, or by default every type this system builds. */
    private List<String> types() {
        String asked = options.getOrDefault("types", "");
        List<String> types = asked.isBlank() ? platform.types : Arrays.asList(asked.split(","));
        for (String type : types) {
            if (!type.equals("app-image") && !platform.types.contains(type)) {
                fail("a ." + type + " is built on " + platform.describe(type) + ", not on " + platform.name
                        + "; this system builds " + String.join(", ", platform.types));
            }
        }
        return types;
    }

    /** Stops, saying what is missing and how to get it, before the slow steps run. */
    private void checkTools(List<String> types) {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("jlink", "jpackage")) {
            if (!Files.isExecutable(Path.of(jdkTool(tool)))) {
                missing.add(tool + " (it comes with a full JDK 17 or later: apt-get install openjdk-17-jdk)");
            }
        }
        for (String type : types) {
            for (Map.Entry<String, String> tool : platform.tools(type).entrySet()) {
                if (!onPath(tool.getKey())) {
                    missing.add(tool.getKey() + " for the ." + type + " (" + tool.getValue() + ")");
                }
            }
        }
        if (!missing.isEmpty()) {
            fail("missing: " + String.join("; ", missing) + ". To build only some types, add -Dinstallers.types="
                    + "app-image,deb (for example).");
        }
    }

    private List<String> appImageCommand(Path runtime, Path images) {
        List<String> command = new ArrayList<>(List.of(jdkTool("jpackage"), "--type", "app-image",
                "--input", option("input"), "--main-jar", option("mainJar"), "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(), "--dest", images.toString(),
                "--icon", icons().resolve(platform.icon).toString()));
        command.addAll(identity());
        // The launcher starts the JVM with the options ./gridside gives it, from the same file (decision 0079).
        // KNOWN SHORTCOMING: not the class data archive ./gridside keeps: Java 17 checks the archive's class path
        // against the installed one, so it would have to be made after installing, per user.
        for (String option : jvmOptions()) {
            command.addAll(List.of("--java-options", option));
        }
        if (platform == Platform.WINDOWS) {
            command.addAll(List.of("--add-launcher",
                    "gridside-cli=" + resources().resolve("windows").resolve("gridside-cli.properties")));
        }
        if (platform == Platform.MACOS) {
            command.addAll(List.of("--mac-package-identifier", MAC_IDENTIFIER, "--mac-package-name", "Gridside",
                    "--mac-app-category", "public.app-category.utilities"));
        }
        return command;
    }

    private List<String> packageCommand(String type, Path appImage, Path packages) {
        List<String> command = new ArrayList<>(List.of(jdkTool("jpackage"), "--type", type,
                "--app-image", appImage.toString(), "--dest", packages.toString(),
                "--icon", icons().resolve(platform.icon).toString()));
        command.addAll(identity());
        switch (type) {
            // JavaFX's native libraries come inside its jars, where jpackage does not look for what they link:
            // GTK 3 for the window, and OpenGL for drawing it (without it JavaFX draws in software).
            case "deb" -> command.addAll(List.of("--linux-deb-maintainer", DEB_MAINTAINER,
                    "--linux-app-category", "utils", "--linux-package-deps", "libgtk-3-0, libgl1"));
            case "rpm" -> command.addAll(List.of("--linux-rpm-license-type", "Proprietary",
                    "--linux-app-category", "Applications/System", "--linux-package-deps", "gtk3"));
            // Per user, the program goes under %LOCALAPPDATA%\Programs, as Windows asks, and not into
            // %LOCALAPPDATA%\Gridside, where the technician's sites and logs live (decision 0073).
            // KNOWN SHORTCOMING: configured, but never built or installed on Windows yet.
            case "msi" -> command.addAll(List.of("--win-upgrade-uuid", WINDOWS_UPGRADE_UUID,
                    "--win-per-user-install", "--install-dir", "Programs\\Gridside", "--win-menu",
                    "--win-menu-group", "Gridside", "--win-shortcut", "--win-shortcut-prompt", "--win-dir-chooser"));
            // KNOWN SHORTCOMING: configured, but never built or opened on macOS yet.
            case "dmg" -> command.addAll(List.of("--mac-package-identifier", MAC_IDENTIFIER,
                    "--mac-package-name", "Gridside"));
            default -> fail("no installer of type " + type);
        }
        if (type.equals("deb") || type.equals("rpm")) {
            // One folder for both: the menu entry serves both, the maintainer scripts only the .deb.
            // KNOWN SHORTCOMING: only the .deb links /usr/bin/gridside; the .rpm would need its own spec file.
            command.addAll(List.of("--linux-package-name", "gridside", "--linux-shortcut",
                    "--linux-menu-group", "Utility;", "--resource-dir",
                    resources().resolve("linux").toString()));
        }
        return command;
    }

    /** What every jpackage step says of the application: its name, version, vendor and description. */
    private List<String> identity() {
        return List.of("--name", appName(), "--app-version", packageVersion(option("version")),
                "--vendor", option("vendor"), "--description", option("description").replaceAll("\\s+", " ").trim(),
                "--copyright", "Copyright " + option("vendor"));
    }

    /**
     * The console's JVM options, one a line in the file {@code jvmOptions} names; # starts a comment. Those only
     * Linux's glibc acts on are left out elsewhere: there a Java that knows them warns at every start, on the
     * standard output where the command line's JSON answers go.
     */
    private List<String> jvmOptions() {
        try {
            return Files.readAllLines(Path.of(option("jvmOptions"))).stream()
                    .map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty())
                    .filter(line -> platform == Platform.LINUX || GLIBC_ONLY.stream().noneMatch(line::startsWith))
                    .toList();
        } catch (IOException e) {
            fail("the JVM options file cannot be read: " + e.getMessage());
            return List.of();
        }
    }

    /** {@code gridside} on Linux, where the launcher is a command; {@code Gridside} where menus show the file. */
    private String appName() {
        return platform == Platform.LINUX ? "gridside" : "Gridside";
    }

    /** The project's version as installers take it: numbers and dots only, so 0.1.0-SNAPSHOT packs as 0.1.0. */
    static String packageVersion(String version) {
        String numbers = version.replaceFirst("[^0-9.].*$", "").replaceFirst("\\.$", "");
        if (numbers.isEmpty()) {
            fail("the version " + version + " does not start with numbers");
        }
        return numbers;
    }

    private Path icons() {
        return Path.of(option("icons"));
    }

    private Path resources() {
        return Path.of(option("resources"));
    }

    private String option(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            fail("the argument " + name + "=... is missing");
        }
        return value;
    }

    private static String jdkTool(String name) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? name + ".exe" : name).toString();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isBlank() && (Files.isExecutable(Path.of(folder, tool))
                    || Files.isExecutable(Path.of(folder, tool + ".exe")))) {
                return true;
            }
        }
        return false;
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        exec(List.of(command));
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        System.out.println("installers: " + String.join(" ", command));
        long started = System.nanoTime();
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            fail(Path.of(command.get(0)).getFileName() + " failed with exit code " + exit);
        }
        System.out.printf("installers: %s took %.1f s%n", Path.of(command.get(0)).getFileName(),
                (System.nanoTime() - started) / 1e9);
    }

    private static void report(String what, Path path) throws IOException {
        long bytes;
        try (Stream<Path> files = Files.walk(path)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
        System.out.printf("installers: %s %s: %.1f MB%n", what, path, bytes / 1e6);
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void fail(String message) {
        System.err.println("installers: " + message);
        System.exit(1);
    }

    /** What each system builds, with which icon, and which tools its installers need beside the JDK. */
    private enum Platform {
        LINUX("Linux", "gridside.png", List.of("app-image", "deb", "rpm")),
        WINDOWS("Windows", "gridside.ico", List.of("app-image", "msi")),
        MACOS("macOS", "gridside.icns", List.of("app-image", "dmg"));

        private final String name;
        private final String icon;
        private final List<String> types;

        Platform(String name, String icon, List<String> types) {
            this.name = name;
            this.icon = icon;
            this.types = types;
        }

        static Platform current() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            return os.startsWith("windows") ? WINDOWS : os.startsWith("mac") ? MACOS : LINUX;
        }

        /** The tools a type needs, each with how to get it. */
        Map<String, String> tools(String type) {
            return switch (type) {
                case "deb" -> Map.of("fakeroot", "run sudo installers/prepare, or apt-get install fakeroot",
                        "dpkg-deb", "run sudo installers/prepare, or apt-get install dpkg");
                case "rpm" -> Map.of("rpmbuild", "run sudo installers/prepare, or apt-get install rpm; "
                        + "dnf install rpm-build on Fedora");
                case "msi" -> Map.of("candle", "install the WiX Toolset 3 and put its bin folder on the PATH",
                        "light", "install the WiX Toolset 3 and put its bin folder on the PATH");
                default -> Map.of();
            };
        }

        String describe(String type) {
            return Arrays.stream(values()).filter(platform -> platform.types.contains(type))
                    .map(platform -> platform.name).findFirst().orElse("no system");
        }

        /** The folder jpackage writes the app image to. */
        String appImageName(String appName) {
            return this == MACOS ? appName + ".app" : appName;
        }
    }
}
