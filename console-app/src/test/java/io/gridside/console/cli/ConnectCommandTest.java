package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.PublishedPorts;
import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SigningKey;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");

    @TempDir
    static Path home;

    private static SimulatedSite site;
    private static String tcp;
    private static String serial;
    private static String unpublished;
    private static String supervisor;
    private static String previousHome;

    /** Serves the site on a published pseudo-terminal, as 'gridside sim --serial' does, and on one unpublished. */
    @BeforeAll
    static void startSite() throws IOException {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        site = SimulatedSite.start(new SiteSpec(20, 4, 1, NOW), SimClock.manual(NOW));
        var address = site.listenTcp(0);
        tcp = address.getHostString() + ":" + address.getPort();
        serial = site.listenSerial();
        PublishedPorts.in(AppDirs.forCurrentUser()).publish(serial, site.gateway().layout().gatewayId());
        unpublished = site.listenSerial();
        supervisor = Credentials.write(home, "supervisor.json", DemoOperator.supervisorFor("site-4", NOW));
    }

    @AfterAll
    static void stopSite() {
        site.close();
        Credentials.restoreHome(previousHome);
    }

    @Test
    void metersJsonCarriesTheFieldsScriptsRelyOn() throws IOException {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "meters", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode meters = new ObjectMapper().readTree(run.out());
        assertThat(meters).hasSize(20);
        for (JsonNode meter : meters) {
            assertThat(meter.get("meterId").asText()).startsWith("M");
            assertThat(meter.get("customerId").asText()).startsWith("C");
            assertThat(meter.get("balanceMinor").isIntegralNumber()).isTrue();
            assertThat(meter.get("currency").asText()).isEqualTo("KES");
            assertThat(Instant.parse(meter.get("lastReadingAt").asText())).isEqualTo("2026-06-03T09:00:00Z");
            assertThat(meter.get("rssiDbm").isNumber()).isTrue();
            assertThat(meter.get("relay").asText()).isIn("on", "off");
        }
    }

    @Test
    void statusOverSerialPrintsTheHello() throws IOException {
        CommandRun run = CommandRun.of("connect", "--serial", serial, "--credential", supervisor, "status",
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode status = new ObjectMapper().readTree(run.out());
        assertThat(status.get("gatewayId").asText()).isEqualTo(site.gateway().layout().gatewayId());
        assertThat(status.get("siteId").asText()).isEqualTo("site-4");
        assertThat(status.get("transport").asText()).isEqualTo("serial");
        assertThat(status.get("address").asText()).isEqualTo(serial);
    }

    @Test
    void aPortThatDoesNotLookLikeAGatewayNeedsForce() throws IOException {
        CommandRun refused = CommandRun.of("connect", "--serial", unpublished, "--credential", supervisor,
                "status", "--json");

        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.errLines()).singleElement().asString()
                .contains(unpublished, "does not look like a Gridside gateway", "--force")
                .endsWith("[UNCONFIRMED_PORT]");

        CommandRun forced = CommandRun.of("connect", "--serial", unpublished, "--force", "--credential",
                supervisor, "status", "--json");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(new ObjectMapper().readTree(forced.out()).get("gatewayId").asText())
                .isEqualTo(site.gateway().layout().gatewayId());
    }

    @Test
    void portsListsThePublishedPseudoTerminalAsASimulatedGateway() throws IOException {
        CommandRun run = CommandRun.of("ports", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode published = null;
        for (JsonNode port : new ObjectMapper().readTree(run.out())) {
            if (port.get("device").asText().equals(serial)) {
                published = port;
            }
        }
        assertThat(published).as("the published pseudo-terminal in " + run.out()).isNotNull();
        assertThat(published.get("kind").asText()).isEqualTo("simulator");
        assertThat(published.get("looksLikeGateway").asBoolean()).isTrue();
        assertThat(published.get("gatewayId").asText()).isEqualTo(site.gateway().layout().gatewayId());
        assertThat(run.out()).doesNotContain(unpublished);
    }

    @Test
    void auditPullsTheWholeHistoryAndAgreesWithAnHonestGateway(@TempDir Path dir) throws IOException {
        Path database = dir.resolve("site.db");

        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "audit", "--site",
                database.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(run.out());
        assertThat(summary.get("rows")).hasSize(20);
        assertThat(summary.get("audit").get("agrees").asBoolean()).isTrue();
        assertThat(summary.get("audit").get("entriesCompared").asLong())
                .isEqualTo(site.gateway().ledgerAfter(0).size());
    }

    @Test
    void subcommandHelpNeedsNoAddress() {
        CommandRun run = CommandRun.of("connect", "meters", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--json");
    }

    @Test
    void statusAsTextNamesTheGateway() {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "status");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("gatewayId", site.gateway().layout().gatewayId(), "firmware");
    }

    @Test
    void aRefusedConnectionIsOneLineAndExitThree() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        CommandRun run = CommandRun.of("connect", "--tcp", "127.0.0.1:" + closedPort, "--credential", supervisor,
                "status");

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("127.0.0.1:" + closedPort).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aDeviceThatIsNotAGatewayIsOneLineAndExitThree() throws Exception {
        try (ServerSocket web = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerLikeAWebServer(web));
            server.setDaemon(true);
            server.start();

            // KNOWN SHORTCOMING: the web server's bytes must reach the link's reader within the one-second hello
            // timeout; a machine that cannot run that thread for a whole second would report a silent device instead.
            CommandRun run = CommandRun.of("connect", "--tcp", "127.0.0.1:" + web.getLocalPort(), "--timeout", "1",
                    "--credential", supervisor, "status");

            assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).contains("did not answer as a Gridside gateway").contains("NOT_A_GATEWAY");
        }
    }

    private static void answerLikeAWebServer(ServerSocket web) {
        try (Socket socket = web.accept(); OutputStream out = socket.getOutputStream()) {
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.getInputStream().read(new byte[1024]);
            Thread.sleep(3000);
        } catch (IOException | InterruptedException e) {
            // The test is over; the fake server has nothing to report.
        }
    }

    @Test
    void aMissingSerialDeviceIsOneLineAndExitThree() {
        CommandRun run = CommandRun.of("connect", "--serial", "/dev/ttyGRIDSIDE-missing", "--credential", supervisor,
                "status");

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("/dev/ttyGRIDSIDE-missing");
    }

    @Test
    void aCredentialOfAnUntrustedOperatorIsRefusedWithExitThree(@TempDir Path dir) throws IOException {
        OperatorSigningKey mallory = new OperatorSigningKey("mallory-operator", SigningKey.generate());
        String credential = Credentials.write(dir, "mallory.json", mallory.issue("mallory", "Mallory",
                Role.SUPERVISOR, List.of("*"), NOW.minusSeconds(60), Duration.ofDays(1), Map.of()));

        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", credential, "status");

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("mallory", "[AUTH_UNKNOWN_OPERATOR]").doesNotContain("(AUTH_UNKNOWN_OPERATOR)");
    }

    @Test
    void noCredentialIsAUsageErrorThatSaysWhereToPutIt() {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "status");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--credential", home.resolve("config").resolve("credential.json").toString());
    }

    @Test
    void aCredentialFileOfTheOldPropertiesKindIsAUsageError(@TempDir Path dir) throws IOException {
        Path old = dir.resolve("tech.properties");
        Files.writeString(old, "technician=mallory\ntoken=guess\n");

        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", old.toString(), "status");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(old.toString(), "not JSON");
    }

    @Test
    void badAddressesAreUsageErrors() {
        assertThat(CommandRun.of("connect", "--tcp", "no-port-here", "status").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(CommandRun.of("connect", "--tcp", "127.0.0.1:99999", "status").exitCode())
                .isEqualTo(ExitCode.USAGE);
        assertThat(CommandRun.of("connect", "status").exitCode()).isEqualTo(ExitCode.USAGE);
        CommandRun both = CommandRun.of("connect", "--tcp", tcp, "--serial", serial, "status");
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(both.errLines()).hasSize(1);
    }
}
