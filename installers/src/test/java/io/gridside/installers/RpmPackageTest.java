package io.gridside.installers;

import static io.gridside.installers.BuiltPackages.INSTALL_DIR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The .rpm read with {@code rpm -qp}: its name, version and file list, without installing it. */
class RpmPackageTest {

    private static Path rpm;

    @BeforeAll
    static void findIt() throws IOException {
        assumeTrue(BuiltPackages.onPath("rpm"), "rpm is not installed: installers/prepare installs it");
        assumeTrue(BuiltPackages.built("rpm"), "no .rpm was asked for (-Dinstallers.types)");
        rpm = BuiltPackages.single("rpm");
    }

    @Test
    void theHeaderNamesThePackageAndItsVersion() throws IOException, InterruptedException {
        BuiltPackages.Run run = BuiltPackages.run("rpm", "-qp", "--queryformat", "%{NAME} %{VERSION} %{VENDOR}",
                rpm.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).isEqualTo("gridside " + BuiltPackages.packageVersion() + " Gridside");
    }

    @Test
    void theFileListHasTheLauncherTheDesktopEntryAndTheIconAllUnderTheInstallFolder() throws IOException,
            InterruptedException {
        BuiltPackages.Run run = BuiltPackages.run("rpm", "-qlp", rpm.toString());
        List<String> files = run.output().lines().toList();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(files).contains("/" + INSTALL_DIR + "/bin/gridside",
                "/" + INSTALL_DIR + "/lib/gridside-gridside.desktop", "/" + INSTALL_DIR + "/lib/gridside.png",
                "/" + INSTALL_DIR + "/lib/app/gridside.cfg", "/" + INSTALL_DIR + "/lib/runtime/release");
        assertThat(files).allMatch(file -> file.equals("/opt") || file.startsWith("/" + INSTALL_DIR));
    }

    @Test
    void theScriptsInstallAndRemoveTheMenuEntryOnly() throws IOException, InterruptedException {
        BuiltPackages.Run run = BuiltPackages.run("rpm", "-qp", "--scripts", rpm.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("xdg-desktop-menu install").contains("xdg-desktop-menu uninstall")
                .doesNotContain("HOME", ".local", ".config");
    }
}
