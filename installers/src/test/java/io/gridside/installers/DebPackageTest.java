package io.gridside.installers;

import static io.gridside.installers.BuiltPackages.INSTALL_DIR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb as a technician's laptop gets it: unpacked into a scratch root with {@code dpkg-deb} (its files) and
 * its control folder (its fields and maintainer scripts), then the unpacked launcher run without a display.
 */
class DebPackageTest {

    /** The X window class of the console's window, which the desktop entry names so docks match the two. */
    private static final String WINDOW_CLASS = "io.gridside.console.GridsideApp";

    @TempDir
    static Path scratch;

    private static Path root;
    private static Path control;

    @BeforeAll
    static void unpack() throws IOException, InterruptedException {
        Path deb = BuiltPackages.single("deb");
        root = scratch.resolve("root");
        control = scratch.resolve("control");
        assertThat(BuiltPackages.run("dpkg-deb", "-x", deb.toString(), root.toString()).exitCode()).isZero();
        assertThat(BuiltPackages.run("dpkg-deb", "-e", deb.toString(), control.toString()).exitCode()).isZero();
    }

    @Test
    void theControlFileNamesThePackageItsVersionAndWhoMaintainsIt() throws IOException {
        Map<String, String> fields = keyValues(control.resolve("control"), ": ");

        assertThat(fields).containsEntry("Package", "gridside").containsEntry("Section", "utils");
        assertThat(fields.get("Version")).startsWith(BuiltPackages.packageVersion() + "-");
        assertThat(fields.get("Maintainer")).isEqualTo("Gridside <support@gridside.io>");
        assertThat(fields.get("Description")).contains("off-grid and mini-grid electricity sites");
        assertThat(fields.get("Depends")).contains("xdg-utils", "libgtk-3-0", "libgl1");
    }

    @Test
    void everyFileGoesUnderTheInstallFolderAndNoneIntoAUsersFolders() throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).map(file -> root.relativize(file).toString()).toList();
        }

        assertThat(files).isNotEmpty().allMatch(file -> file.startsWith(INSTALL_DIR + "/"));
        assertThat(files).noneMatch(file -> file.contains(".local/") || file.contains(".config/"));
        assertThat(root.resolve(INSTALL_DIR + "/bin/gridside")).isExecutable();
        assertThat(root.resolve(INSTALL_DIR + "/lib/app/gridside.cfg")).content()
                .contains("app.mainclass=io.gridside.console.Main");
    }

    @Test
    void theInstalledLauncherStartsTheJvmWithTheConsolesOptions() throws IOException {
        List<String> options = Files.readAllLines(Path.of("..", "console-app", "jvm.options")).stream()
                .map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty()).toList();

        assertThat(options).isNotEmpty();
        assertThat(Files.readAllLines(root.resolve(INSTALL_DIR + "/lib/app/gridside.cfg")))
                .containsAll(options.stream().map(option -> "java-options=" + option).toList());
    }

    @Test
    void theRuntimeImageHoldsTheChosenModulesOnly() throws IOException {
        Path release = root.resolve(INSTALL_DIR + "/lib/runtime/release");

        assertThat(release).content()
                .contains("java.desktop", "java.sql", "java.net.http", "jdk.localedata", "jdk.crypto.ec")
                .doesNotContain("java.compiler", "jdk.jshell", "jdk.jdeps");
    }

    @Test
    void theDesktopEntryStartsTheLauncherWithTheIconUnderUtilities() throws IOException {
        Path entry = root.resolve(INSTALL_DIR + "/lib/gridside-gridside.desktop");
        Map<String, String> keys = keyValues(entry, "=");

        assertThat(keys).containsEntry("Type", "Application").containsEntry("Name", "Gridside")
                .containsEntry("Exec", "/" + INSTALL_DIR + "/bin/gridside")
                .containsEntry("Icon", "/" + INSTALL_DIR + "/lib/gridside.png")
                .containsEntry("Terminal", "false").containsEntry("StartupWMClass", WINDOW_CLASS);
        assertThat(keys.get("Categories").split(";")).contains("Utility");
        assertThat(root.resolve(keys.get("Exec").substring(1))).isExecutable();
        BufferedImage icon = ImageIO.read(root.resolve(keys.get("Icon").substring(1)).toFile());
        assertThat(icon).isNotNull();
        assertThat(icon.getWidth()).isEqualTo(256);
        assertThat(icon.getHeight()).isEqualTo(256);
        assertThat(icon.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void theMaintainerScriptsAddTheMenuEntryAndTheCommandAndLeaveUsersDataAlone() throws IOException {
        String postinst = Files.readString(control.resolve("postinst"));
        String prerm = Files.readString(control.resolve("prerm"));

        assertThat(postinst).contains("xdg-desktop-menu install /" + INSTALL_DIR + "/lib/gridside-gridside.desktop")
                .contains("ln -sf /" + INSTALL_DIR + "/bin/gridside /usr/bin/gridside");
        assertThat(prerm).contains("xdg-desktop-menu uninstall").contains("rm -f /usr/bin/gridside");
        for (String script : List.of("preinst", "postinst", "prerm", "postrm")) {
            assertThat(control.resolve(script)).content().doesNotContain("HOME", ".local", ".config", "rm -r");
        }
    }

    @Test
    void theInstalledLauncherPrintsTheProjectsVersion() throws IOException, InterruptedException {
        BuiltPackages.Run run = BuiltPackages.run(root.resolve(INSTALL_DIR + "/bin/gridside").toString(),
                "--version");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines().findFirst()).contains("gridside " + BuiltPackages.projectVersion());
    }

    @Test
    void theInstalledLauncherRunsTheHeadlessDemoAndLogsInTheUsersXdgFolders() throws IOException,
            InterruptedException {
        Path user = scratch.resolve("user");
        Map<String, String> environment = Map.of(
                "GRIDSIDE_HOME", "",
                "XDG_DATA_HOME", user.resolve("share").toString(),
                "XDG_CONFIG_HOME", user.resolve("config").toString(),
                "XDG_STATE_HOME", user.resolve("state").toString());

        BuiltPackages.Run run = BuiltPackages.run(List.of(root.resolve(INSTALL_DIR + "/bin/gridside").toString(),
                "demo", "--headless", "--meters", "20", "--days", "1"), environment);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("C00020").contains("TOTAL")
                .contains("Audit: all").contains("ledger entries of the gateway match the console's re-run");
        assertThat(user.resolve("state/gridside/logs/gridside.log")).isNotEmptyFile();
    }

    @Test
    void theInstalledLauncherOpensTheConsoleWindowOnAnXServer() throws IOException, InterruptedException {
        assumeTrue(BuiltPackages.onPath("xvfb-run") && BuiltPackages.onPath("xwininfo"),
                "needs xvfb-run and xwininfo (apt-get install xvfb x11-utils)");
        Path user = Files.createDirectories(scratch.resolve("window-user"));
        // On a virtual X server of its own (no TCP), the demo's window (not only JavaFX's hidden one of the
        // toolkit, named after the launcher) must appear; then it is stopped. The loop
        // only bounds the wait for the window: a slow machine passes late, a broken package never.
        String script = "\"$0\" demo --meters 20 >\"$1\" 2>&1 & app=$!; for i in $(seq 1 120); do "
                + "if xwininfo -root -tree | grep -q '\"" + WINDOW_CLASS + "\"'; then "
                + "echo WINDOW; kill $app; exit 0; fi; "
                + "if ! kill -0 $app 2>/dev/null; then cat \"$1\"; exit 1; fi; sleep 1; done; kill $app; exit 1";

        BuiltPackages.Run run = BuiltPackages.run(List.of("xvfb-run", "-a", "-s",
                "-nolisten tcp -screen 0 1366x768x24", "sh", "-c", script,
                root.resolve(INSTALL_DIR + "/bin/gridside").toString(), user.resolve("window.txt").toString()),
                Map.of("GRIDSIDE_HOME", user.toString()));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("WINDOW");
    }

    /** The {@code key SEPARATOR value} lines of a control file or a desktop entry, first line of a key kept. */
    private static Map<String, String> keyValues(Path file, String separator) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int at = line.indexOf(separator);
            if (at > 0) {
                values.putIfAbsent(line.substring(0, at).trim(), line.substring(at + separator.length()).trim());
            }
        }
        return values;
    }
}
