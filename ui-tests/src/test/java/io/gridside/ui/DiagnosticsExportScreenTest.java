package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.shell.DiagnosticsExportItem;
import io.gridside.site.Customer;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The settings menu's Export diagnostics, once a file is chosen, writes the bundle of the open session: the link's
 * figures and journal as the status bar shows them, the open site's meters and mesh, and the logs, with neither the
 * technician's name nor any customer's.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DiagnosticsExportScreenTest {

    private static final int METERS = 12;

    @TempDir
    static Path home;

    private SiteConsole console;

    @Start
    void start(Stage stage) throws IOException {
        console = SiteConsole.open(stage, home, METERS, 7);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void writesTheOpenSessionsLinkFiguresJournalAndSiteWithoutNames(FxRobot robot)
            throws IOException, TimeoutException {
        ConnectScreen.connect(robot, console.site().listenTcp(0).getPort(), METERS);
        DiagnosticsExportItem item = robot.lookup("#settings-menu").queryAs(MenuButton.class).getItems().stream()
                .filter(DiagnosticsExportItem.class::isInstance).map(DiagnosticsExportItem.class::cast)
                .findFirst().orElseThrow();
        Path zip = home.resolve("bundle.zip");

        robot.interact(() -> item.export(zip));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(zip));
        WaitForAsyncUtils.waitForFxEvents();

        Map<String, String> entries = entries(zip);
        assertThat(entries).containsKeys("manifest.json", "link.txt", "site/meters.json", "site/topology.json",
                "system.json");
        assertThat(entries.get("link.txt")).contains("state: CONNECTED", "frames dropped: ", "Connected to gateway");
        assertThat(entries.get("site/meters.json")).contains("person-");
        List<String> names = customerNames();
        assertThat(names).isNotEmpty();
        for (String text : entries.values()) {
            String lower = text.toLowerCase(Locale.ROOT);
            assertThat(lower).doesNotContain("demo supervisor");
            names.forEach(name -> assertThat(lower).doesNotContain(name.toLowerCase(Locale.ROOT)));
        }
    }

    private List<String> customerNames() {
        try (SiteStore store = SiteStore.openExisting(console.session().siteFile())) {
            return store.customers().stream().map(Customer::name).toList();
        }
    }

    private static Map<String, String> entries(Path zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
