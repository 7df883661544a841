package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.frame.Frame;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SiteGenerator;
import io.gridside.sim.SiteLayout;
import io.gridside.sim.SiteSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console finds simulated gateways on a real LAN by their DNS-SD adverts, then connects to one and says hello.
 * The LAN is two network namespaces made for this test; the simulators and the console run there as their own
 * processes, through the same command line a technician uses. Long: an advert takes about five seconds to be
 * announced, and four Java processes start one after another, so the test takes some 17 s.
 */
@Tag("long")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LanDiscoveryTest {

    private static final Logger LOG = LoggerFactory.getLogger(LanDiscoveryTest.class);
    private static final int METERS = 5;

    @TempDir
    static Path dir;

    private static TestLan lan;

    @BeforeAll
    static void makeLan() throws IOException {
        Optional<String> why = TestLan.whyUnavailable();
        why.ifPresent(reason -> LOG.warn("LAN discovery is not tested here: {}.", reason));
        Assumptions.assumeTrue(why.isEmpty(), () -> "LAN discovery is not tested here: " + why.orElseThrow());
        lan = TestLan.create(dir);
    }

    @AfterAll
    static void removeLan() {
        if (lan != null) {
            lan.close();
        }
    }

    @Test
    void findsEveryAdvertisedGatewayThenConnectsToOneAndSaysHello() throws Exception {
        String gateway = TestLan.Host.GATEWAY.address();
        Process first = startSimulator("sim-a", 11, 7700);
        Process second = startSimulator("sim-b", 12, 7701);
        awaitAdvert(first, "sim-a");
        awaitAdvert(second, "sim-b");
        JsonNode found = runConsole("discover", "discover", "--seconds", "3", "--json");

        assertThat(found).hasSize(2);
        assertFound(found, gatewayOf(11), "site-11", gateway, 7700);
        assertFound(found, gatewayOf(12), "site-12", gateway, 7701);
        String supervisor = Credentials.write(dir, "supervisor.json",
                DemoOperator.supervisorFor("site-12", Instant.now()));
        JsonNode hello = runConsole("status", "connect", "--tcp", gateway + ":7701", "--credential", supervisor,
                "status", "--json");

        assertThat(hello.get("gatewayId").asText()).isEqualTo(gatewayOf(12));
        assertThat(hello.get("transport").asText()).isEqualTo("tcp");
    }

    private static void assertFound(JsonNode found, String gatewayId, String siteId, String host, int port) {
        List<JsonNode> matches = new ArrayList<>();
        found.forEach(node -> {
            if (node.get("gatewayId").asText().equals(gatewayId)) {
                matches.add(node);
            }
        });
        assertThat(matches).as("adverts of " + gatewayId + " in " + found).hasSize(1);
        JsonNode node = matches.get(0);
        assertThat(node.get("siteId").asText()).isEqualTo(siteId);
        assertThat(node.get("host").asText()).isEqualTo(host);
        assertThat(node.get("port").asInt()).isEqualTo(port);
        assertThat(node.get("protocolVersions").get(0).asInt()).isEqualTo(Frame.VERSION);
    }

    private static String gatewayOf(long seed) {
        SiteLayout layout = SiteGenerator.generate(new SiteSpec(METERS, seed, 1, Instant.now()));
        return layout.gatewayId();
    }

    private static Process startSimulator(String name, long seed, int port) throws IOException {
        return lan.start(TestLan.Host.GATEWAY, name, java("sim", "--meters", Integer.toString(METERS),
                "--seed", Long.toString(seed), "--tcp", Integer.toString(port),
                "--bind", TestLan.Host.GATEWAY.address(), "--advertise"));
    }

    /** Waits until a simulator says its advert is out, which it says once browsers can see it. */
    private static void awaitAdvert(Process sim, String name) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); ; line = out.readLine()) {
            if (line == null) {
                throw new AssertionError("The simulator " + name + " ended before it advertised: "
                        + lan.errorsOf(name));
            }
            if (line.startsWith("advertised=")) {
                return;
            }
        }
    }

    /** Runs the console's command line on the console's host and reads the JSON it prints. */
    private static JsonNode runConsole(String name, String... args) throws IOException, InterruptedException {
        Process console = lan.start(TestLan.Host.CONSOLE, name, java(args));
        byte[] out = console.getInputStream().readAllBytes();
        assertThat(console.waitFor(60, TimeUnit.SECONDS)).as(name + " ended").isTrue();
        assertThat(console.exitValue()).as(name + ": " + lan.errorsOf(name)).isZero();
        return new ObjectMapper().readTree(out);
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgridside.home=" + dir.resolve("home"),
                "-cp", System.getProperty("java.class.path"),
                "io.gridside.console.Main"));
        command.addAll(List.of(args));
        return command;
    }
}
