package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.PublishedPorts;
import io.gridside.sim.SimBilling;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway billing a realistic tariff (a daily lifeline block, an evening peak, VAT, debts recovered from top-ups,
 * emergency credit) that charges every day rightly reconciles clean: the console's re-rating finds no line the
 * gateway charged otherwise, tax lines included.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReconcileRealisticSiteTest {

    private static final Instant NOW = Instant.parse("2026-06-04T09:07:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private static CommandSite site;
    private static String serial;

    @BeforeAll
    static void startSite() throws IOException {
        site = CommandSite.start(home, NOW, () -> SimulatedSite.start(
                new SiteSpec(30, 8, 3, NOW).withBilling(SimBilling.REALISTIC), SimClock.manual(NOW)));
        serial = site.site().listenSerial();
        PublishedPorts.in(AppDirs.forCurrentUser()).publish(serial, site.site().gateway().layout().gatewayId());
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    private static CommandRun reconcile(String... args) {
        String[] command = {"connect", "--tcp", site.tcp(), "--credential", site.supervisor(), "reconcile",
            "--site", home.resolve("site.db").toString()};
        String[] all = new String[command.length + args.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(args, 0, all, command.length, args.length);
        return CommandRun.of(all);
    }

    @Test
    void everyLineOfEveryCustomerDayAgreesWithTheConsolesRerating() throws IOException {
        CommandRun run = reconcile("--json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("clean").asBoolean()).isTrue();
        assertThat(report.get("customerDays").asInt()).as("30 customers over 1 to 3 June").isEqualTo(90);
        assertThat(report.get("differences")).isEmpty();
    }

    @Test
    void reconcilesAlikeOverTheSerialLink() throws IOException {
        CommandRun run = CommandRun.of("connect", "--serial", serial, "--credential", site.supervisor(),
                "reconcile", "--site", home.resolve("serial.db").toString(), "--json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("customerDays").asInt()).isEqualTo(90);
        assertThat(report.get("pulled").asInt()).isEqualTo(90);
        assertThat(report.get("differences")).isEmpty();
    }

    @Test
    void comparesOnlyTheDaysAsked() throws IOException {
        CommandRun run = reconcile("--from", "2026-06-02", "--to", "2026-06-02", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(run.out()).get("customerDays").asInt()).isEqualTo(30);
    }

    @Test
    void aDayThatIsNotADateIsAUsageError() {
        CommandRun run = reconcile("--from", "June");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--from").contains("'June'");
    }
}
