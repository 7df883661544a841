package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.service.firmware.CutWire;
import io.gridside.link.message.FirmwareState;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.firmware.SampleFirmware;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cable between the console and a simulated gateway pulled at a seeded random point of a gateway push from the
 * command line (in the hello, the offer, among the chunks, in the install or not at all), then the push run again:
 * it says how many chunks the gateway held already, sends the rest, and ends with the gateway running the sample
 * image, whose SHA-256 the JSON names.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FirmwareCableCommandTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:07:00Z");
    /** What the console sends in a whole push of the 1 MiB sample, framing included, as measured. */
    private static long wholePush;
    private static final Pattern RESUMING = Pattern.compile("resuming: (\\d+) of 64 chunks already on the gateway");

    @TempDir
    Path home;

    /** Measures a whole push, uncut, on a site of its own. */
    @BeforeAll
    static void measureAWholePush(@TempDir Path home) throws Exception {
        try (CommandSite fixture = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(8, 5, 1, NOW),
                SimClock.manual(NOW))).pinned();
                CutWire wire = CutWire.to(address(fixture))) {
            SampleFirmware.writeSamples(home.resolve("images"));
            CommandRun run = push(fixture, wire, home.resolve("images").resolve(SampleFirmware.GATEWAY_FILE)
                    .toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            wholePush = wire.consoleBytes();
        }
        assertThat(wholePush).isBetween(1L << 20, 2L << 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void aPushCutAtARandomPointFinishesWhenRunAgain(long seed) throws Exception {
        try (CommandSite fixture = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(8, 5, 1, NOW),
                SimClock.manual(NOW))).pinned();
                CutWire wire = CutWire.to(address(fixture))) {
            SampleFirmware.writeSamples(home.resolve("images"));
            String image = home.resolve("images").resolve(SampleFirmware.GATEWAY_FILE).toString();
            long cutAt = cutPoint(seed);
            wire.cutAfterConsoleSends(cutAt);

            CommandRun first = push(fixture, wire, image);

            assertThat(first.exitCode()).as("cut after " + cutAt + " bytes: " + first.err())
                    .isIn(wire.wasCut() ? List.of(ExitCode.OK, ExitCode.FAILED, ExitCode.UNREACHABLE)
                            : List.of(ExitCode.OK));
            if (seed % 4 != 3) {
                assertThat(wire.wasCut()).as("the cable was pulled after " + cutAt + " of " + wholePush + " bytes")
                        .isTrue();
            }
            wire.disarm();
            int heldAfterCut = held(fixture);

            CommandRun again = push(fixture, wire, image);

            assertThat(again.exitCode()).as(again.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(again.out());
            assertThat(json.get("imageSha256").asText())
                    .isEqualTo(SampleFirmware.gatewayImage().manifest().imageSha256().hex());
            assertThat(json.at("/outcome/confirmed").asBoolean()).isTrue();
            assertThat(fixture.site().gateway().profile().firmware()).isEqualTo(SampleFirmware.GATEWAY_VERSION);
            Matcher resuming = RESUMING.matcher(again.err());
            if (heldAfterCut > 0) {
                assertThat(resuming.find()).as("the gateway held chunks: " + again.err()).isTrue();
            }
            if (resuming.find(0)) {
                int held = Integer.parseInt(resuming.group(1));
                assertThat(held).isGreaterThanOrEqualTo(heldAfterCut);
                assertThat(json.get("alreadyHeld").asInt()).isEqualTo(held);
                assertThat(json.get("sent").asInt()).as("only what the gateway lacked").isEqualTo(64 - held);
            }
        }
    }

    /**
     * Where the seed pulls the cable, in bytes the console sent, by the seed's rest modulo 4: in the first kilobytes
     * (the hello, the gateway's state and the offer), anywhere, in the last chunks, or in the last few hundred bytes
     * (the install and the goodbye).
     */
    private static long cutPoint(long seed) {
        Random random = new Random(seed);
        return switch ((int) (seed % 4)) {
            case 0 -> 1 + random.nextInt(6_000);
            case 1 -> 1 + random.nextInt((int) wholePush);
            case 2 -> wholePush - 40_000 + random.nextInt(40_000);
            default -> wholePush - 400 + random.nextInt(400);
        };
    }

    private static InetSocketAddress address(CommandSite fixture) {
        String[] parts = fixture.tcp().split(":");
        return new InetSocketAddress(parts[0], Integer.parseInt(parts[1]));
    }

    private static CommandRun push(CommandSite fixture, CutWire wire, String image) {
        return CommandRun.of("connect", "--tcp", wire.tcp(), "--credential", fixture.supervisor(), "firmware", "push",
                image, "--target", "gateway", "--json");
    }

    /** The chunks of the sample the gateway holds, 0 when it holds none or has installed it. */
    private static int held(CommandSite fixture) {
        return fixture.site().gateway().firmware().state().staged().stream()
                .filter(staged -> staged.version().equals(SampleFirmware.GATEWAY_VERSION))
                .mapToInt(FirmwareState.Staged::held).findFirst().orElse(0);
    }
}
