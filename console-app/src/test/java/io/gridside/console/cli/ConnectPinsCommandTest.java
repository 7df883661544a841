package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.Role;
import io.gridside.link.auth.SigningKey;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line pins each site's gateway key in the config folder and says so when a key changes; the
 * gateway refuses what the credential's role does not allow.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectPinsCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final SiteSpec SPEC = new SiteSpec(5, 6, 0, NOW);
    private static final String SITE = "site-6";

    @TempDir
    Path home;

    private String previousHome;
    private String supervisor;
    private String technician;

    @BeforeEach
    void useTemporaryHomeAndCredentials() throws IOException {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        supervisor = Credentials.write(home, "supervisor.json", DemoOperator.supervisorFor(SITE, NOW));
        technician = Credentials.write(home, "technician.json", DemoOperator.signingKey().issue("T-0042",
                "Amina Wanjiru", Role.TECHNICIAN, List.of(SITE), NOW.minus(Duration.ofDays(1)), Duration.ofDays(30),
                Map.of("maxOfflineCashCreditMinor", 500_000L)));
    }

    @AfterEach
    void restoreHome() {
        Credentials.restoreHome(previousHome);
    }

    @Test
    void aTechnicianCannotConnectToASiteNoSupervisorHasPinned() throws IOException {
        try (SimulatedSite site = SimulatedSite.start(SPEC, SimClock.manual(NOW))) {
            CommandRun run = status(site.listenTcp(0), technician);

            assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).contains(SITE, "supervisor", "GATEWAY_NOT_PINNED");
            assertThat(pinsFile()).doesNotExist();
        }
    }

    @Test
    void aSupervisorPinsTheKeyInTheConfigFolderAndTechniciansThenConnect() throws IOException {
        try (SimulatedSite site = SimulatedSite.start(SPEC, SimClock.manual(NOW))) {
            InetSocketAddress address = site.listenTcp(0);

            assertThat(status(address, supervisor).exitCode()).isZero();
            CommandRun run = status(address, technician);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Files.readString(pinsFile())).contains(SITE, site.gateway().identityKey().fingerprint(),
                    "demo-supervisor");
        }
    }

    @Test
    void aChangedKeyIsRefusedWithBothFingerprintsUntilASupervisorRepins() throws IOException {
        SimulatedGateway replaced = new SimulatedGateway(SPEC, SimClock.manual(NOW), DemoOperator.trusted(),
                SigningKey.generate());
        try (SimulatedSite genuine = SimulatedSite.start(SPEC, SimClock.manual(NOW))) {
            assertThat(status(genuine.listenTcp(0), supervisor).exitCode()).isZero();
        }

        try (SimulatedSite site = SimulatedSite.start(replaced)) {
            InetSocketAddress address = site.listenTcp(0);
            CommandRun refused = status(address, supervisor);
            CommandRun technicianRepin = status(address, technician, "--repin");
            CommandRun repinned = status(address, supervisor, "--repin");
            CommandRun afterwards = status(address, technician);

            assertThat(refused.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
            assertThat(refused.errLines()).hasSize(1);
            assertThat(refused.err()).contains(SimulatedGateway.identityKeyFor(SPEC).fingerprint(),
                    replaced.identityKey().fingerprint(), "--repin", "GATEWAY_KEY_CHANGED");
            assertThat(technicianRepin.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
            assertThat(technicianRepin.err()).contains("Only a supervisor");
            assertThat(repinned.exitCode()).as(repinned.err()).isZero();
            assertThat(repinned.errLines()).singleElement().asString().contains("site " + SITE + " re-pinned",
                    "was " + SimulatedGateway.identityKeyFor(SPEC).fingerprint(),
                    "now " + replaced.identityKey().fingerprint(), "by demo-supervisor");
            assertThat(afterwards.exitCode()).as(afterwards.err()).isZero();
            assertThat(afterwards.err()).doesNotContain("re-pinned");
            assertThat(Files.readString(pinsFile())).contains(replaced.identityKey().fingerprint());
        }
    }

    @Test
    void theGatewayRefusesATechniciansSetClockWithExitOneAndTakesASupervisors() throws IOException {
        try (SimulatedSite site = SimulatedSite.start(SPEC, SimClock.manual(NOW))) {
            InetSocketAddress address = site.listenTcp(0);
            assertThat(status(address, supervisor).exitCode()).isZero();

            CommandRun technicianRun = setClock(address, technician, "2026-06-03T14:00");
            CommandRun supervisorRun = setClock(address, supervisor, "2026-06-03T14:00");

            assertThat(technicianRun.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(technicianRun.errLines()).hasSize(1);
            assertThat(technicianRun.err()).contains("supervisor").endsWith("[ROLE_FORBIDDEN]" + System.lineSeparator())
                    .doesNotContain("(ROLE_FORBIDDEN)", "[FORBIDDEN]");
            assertThat(supervisorRun.exitCode()).as(supervisorRun.err()).isZero();
            // 14:00 in Nairobi is 11:00 UTC.
            assertThat(supervisorRun.out()).contains("now reads 2026-06-03T11:00:00Z");
            assertThat(site.gateway().clock()).isEqualTo(Instant.parse("2026-06-03T11:00:00Z"));
        }
    }

    @Test
    void aClockTheGatewayRefusesExitsOneWithTheGatewaysCodeNotAsUnreachable() throws IOException {
        try (SimulatedSite site = SimulatedSite.start(SPEC, SimClock.manual(NOW))) {
            InetSocketAddress address = site.listenTcp(0);
            assertThat(status(address, supervisor).exitCode()).isZero();

            CommandRun run = setClock(address, supervisor, "1970-01-01T03:00");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
            assertThat(run.errLines()).singleElement().asString().endsWith("[CLOCK_REFUSED]");
            assertThat(site.gateway().clock()).isEqualTo(NOW);
        }
    }

    private static CommandRun setClock(InetSocketAddress address, String credential, String to) {
        return CommandRun.of("connect", "--tcp", address.getHostString() + ":" + address.getPort(), "--credential",
                credential, "set-clock", "--to", to);
    }

    private Path pinsFile() {
        return home.resolve("config").resolve("gateway-pins.json");
    }

    private static CommandRun status(InetSocketAddress address, String credential, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("connect", "--tcp",
                address.getHostString() + ":" + address.getPort(), "--credential", credential));
        args.addAll(List.of(more));
        args.add("status");
        return CommandRun.of(args.toArray(String[]::new));
    }
}
