package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.OperatorKeyFile;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * From the operator's office to the site: an operator key signs a record of a replaced gateway's new key, and a
 * technician's console re-pins the site with it, but with no record that does not name this gateway's key, come
 * from the technician's own operator, and replace the key this laptop has pinned.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectRepinRecordCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final SiteSpec SPEC = new SiteSpec(5, 6, 0, NOW);
    private static final String SITE = "site-6";
    private static final String REASON = "gateway replaced after lightning damage";

    @TempDir
    Path home;

    private String previousHome;
    private Path operatorKey;
    private TrustedOperators trusted;
    private String supervisor;
    private String technician;

    @BeforeEach
    void makeAnOperatorAndItsCredentials() throws IOException {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        operatorKey = home.resolve("kisima-ops.key.json");
        assertThat(CommandRun.of("credential", "operator-key", "--key-id", "kisima-ops", "--out",
                operatorKey.toString()).exitCode()).isZero();
        trusted = TrustedOperators.of(OperatorKeyFile.readPublic(operatorKey));
        supervisor = issue("S-0001", "supervisor");
        technician = issue("T-0042", "technician");
    }

    @AfterEach
    void restoreHome() {
        Credentials.restoreHome(previousHome);
    }

    @Test
    void aTechnicianRepinsAReplacedGatewayWithTheOperatorsRecord() throws IOException {
        pinTheGenuineGateway();
        SimulatedGateway replaced = gateway(SigningKey.generate());
        String record = replaceKey(replaced.identityKey(), "record.json", "--operator-key", operatorKey.toString());

        try (SimulatedSite site = SimulatedSite.start(replaced)) {
            InetSocketAddress address = site.listenTcp(0);
            CommandRun refused = status(address, technician);
            CommandRun repinned = status(address, technician, "--repin-record", record);
            CommandRun afterwards = status(address, technician);

            assertThat(refused.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
            assertThat(refused.err()).contains("GATEWAY_KEY_CHANGED", "--repin-record");
            assertThat(repinned.exitCode()).as(repinned.err()).isZero();
            assertThat(repinned.out()).contains(replaced.identityKey().fingerprint());
            assertThat(repinned.errLines()).singleElement().asString().contains("site " + SITE + " re-pinned",
                    "was " + genuineFingerprint(), "now " + replaced.identityKey().fingerprint(), "by T-0042",
                    "record of operator key kisima-ops");
            assertThat(afterwards.exitCode()).as(afterwards.err()).isZero();
            assertThat(afterwards.err()).doesNotContain("re-pinned");
        }
        String pins = Files.readString(pinsFile());
        assertThat(pins).contains("\"fingerprint\" : \"" + replaced.identityKey().fingerprint(),
                "\"pinnedBy\" : \"T-0042\"", "replacementRecord", "\"replaces\" : \"" + genuineFingerprint(), REASON)
                .doesNotContain("\"fingerprint\" : \"" + genuineFingerprint());
    }

    @Test
    void aRecordOfAnotherKeyIsRefusedAndThePinKept() throws IOException {
        pinTheGenuineGateway();
        SimulatedGateway impostor = gateway(SigningKey.generate());
        String record = replaceKey(SigningKey.generate(), "other-key.json", "--operator-key", operatorKey.toString());

        assertRefusedWithRecord(impostor, record, "not the key the gateway proved");
    }

    @Test
    void aRecordOfAnotherOperatorIsRefusedAndThePinKept() throws IOException {
        pinTheGenuineGateway();
        SimulatedGateway replaced = gateway(SigningKey.generate());
        String record = replaceKey(replaced.identityKey(), "demo.json", "--demo");

        assertRefusedWithRecord(replaced, record, "signed by operator key '" + DemoOperator.publicKey().keyId());
    }

    @Test
    void aRecordThatWasEditedDoesNotLoad() throws IOException {
        SimulatedGateway replaced = gateway(SigningKey.generate());
        Path record = Path.of(replaceKey(replaced.identityKey(), "edited.json", "--operator-key",
                operatorKey.toString()));
        Files.writeString(record, Files.readString(record).replace("site-6", "site-7"));

        CommandRun run = CommandRun.of("connect", "--tcp", "127.0.0.1:9", "--credential", technician,
                "--repin-record", record.toString(), "status");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(record.toString(), "changed");
    }

    @Test
    void theCommandRefusesAFingerprintItCannotRead() {
        CommandRun run = CommandRun.of("credential", "replace-key", "--operator-key", operatorKey.toString(),
                "--site", SITE, "--gateway", "GW-1", "--new-key", SigningKey.generate().publicKey().base64(),
                "--replaces", "SHA256:12", "--reason", REASON, "--out", home.resolve("x.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("fingerprint");
        assertThat(home.resolve("x.json")).doesNotExist();
    }

    private void assertRefusedWithRecord(SimulatedGateway gateway, String record, String why) throws IOException {
        try (SimulatedSite site = SimulatedSite.start(gateway)) {
            CommandRun run = status(site.listenTcp(0), technician, "--repin-record", record);

            assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).contains("GATEWAY_KEY_CHANGED", genuineFingerprint(),
                    gateway.identityKey().fingerprint(), "record was not accepted", why);
        }
        assertThat(Files.readString(pinsFile())).contains(genuineFingerprint())
                .doesNotContain(gateway.identityKey().fingerprint());
    }

    private void pinTheGenuineGateway() throws IOException {
        try (SimulatedSite genuine = SimulatedSite.start(gateway(SimulatedGateway.identityKeyFor(SPEC)))) {
            CommandRun run = status(genuine.listenTcp(0), supervisor);
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    private SimulatedGateway gateway(SigningKey identityKey) {
        return new SimulatedGateway(SPEC, SimClock.manual(NOW), trusted, identityKey);
    }

    private static String genuineFingerprint() {
        return SimulatedGateway.identityKeyFor(SPEC).fingerprint();
    }

    /** Signs a record that the site's gateway now holds {@code newKey}; returns the file's path. */
    private String replaceKey(SigningKey newKey, String name, String... signer) {
        Path out = home.resolve(name);
        List<String> args = new ArrayList<>(List.of("credential", "replace-key", "--site", SITE, "--gateway",
                gateway(newKey).profile().gatewayId(), "--new-key", newKey.publicKey().base64(), "--replaces",
                genuineFingerprint(), "--reason", REASON, "--out", out.toString()));
        args.addAll(List.of(signer));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("site " + SITE, newKey.fingerprint());
        return out.toString();
    }

    /**
     * Issues a credential valid at the simulated site's clock; for the longest term, since the command refuses one
     * that the laptop's clock says has expired.
     */
    private String issue(String id, String role) {
        Path out = home.resolve(id + ".json");
        CommandRun run = CommandRun.of("credential", "issue", "--operator-key", operatorKey.toString(),
                "--technician", id, "--role", role, "--site", SITE, "--from", NOW.minusSeconds(86_400).toString(),
                "--days", "3660", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out.toString();
    }

    private Path pinsFile() {
        return home.resolve("config").resolve("gateway-pins.json");
    }

    private static CommandRun status(InetSocketAddress address, String credential, String... more) {
        List<String> args = new ArrayList<>(List.of("connect", "--tcp",
                address.getHostString() + ":" + address.getPort(), "--credential", credential));
        args.addAll(List.of(more));
        args.add("status");
        return CommandRun.of(args.toArray(String[]::new));
    }
}
