package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.SignedRevocationList;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.store.SiteStore;
import io.gridside.site.sync.SignedRevocations;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code credential revocations} prints a site database's list, and {@code connect} carries it to the gateway. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RevocationsCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final SignedRevocationList LIST = DemoOperator.demoRevocations(NOW);

    @TempDir
    Path home;

    @Test
    void printsTheListASiteDatabaseHoldsAndSaysWhenItHoldsNone() {
        Path file = home.resolve("site.db");
        try (SiteStore store = SiteStore.open(file)) {
            assertThat(CommandRun.of("credential", "revocations", "--site", file.toString()).exitCode())
                    .isEqualTo(ExitCode.FAILED);
            store.sync().applyRevocationList(stored(LIST), NOW);
        }

        CommandRun run = CommandRun.of("credential", "revocations", "--site", file.toString());
        CommandRun json = CommandRun.of("credential", "revocations", "--site", file.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Revocation list 1 of operator key " + DemoOperator.KEY_ID)
                .contains(DemoOperator.REVOKED_TECHNICIAN_ID)
                .contains(Ed25519.fingerprint(DemoOperator.lostLaptopKey().publicKey()));
        assertThat(json.out()).contains("\"serial\" : 1").contains("\"technicianIds\" : [ \""
                + DemoOperator.REVOKED_TECHNICIAN_ID + "\" ]");
    }

    @Test
    void connectGivesTheGatewayTheNewerListOfTheSiteDatabaseAndSaysSo() throws Exception {
        Path file = home.resolve("carried.db");
        try (SiteStore store = SiteStore.open(file)) {
            store.sync().applyRevocationList(stored(LIST), NOW);
        }
        try (CommandSite site = CommandSite.start(home, NOW,
                () -> SimulatedSite.start(new SiteSpec(10, 6, 1, NOW), SimClock.manual(NOW)))) {

            CommandRun first = site.connect(site.supervisor(), "--site", file.toString(), "status");
            CommandRun second = site.connect(site.supervisor(), "--site", file.toString(), "status");

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.err()).contains("gridside: revocations pushed (serial 1)");
            assertThat(second.err()).doesNotContain("revocations pushed")
                    .contains("revocations up to date on the gateway (serial 1)");
            assertThat(site.site().gateway().revocations().held(DemoOperator.KEY_ID)).isPresent();
            assertThat(second.out()).containsPattern("revocationSerial +1");
        }
    }

    private static SignedRevocations stored(SignedRevocationList list) {
        return new SignedRevocations(list.serial(), list.signed().toByteArray(), list.signature().toByteArray());
    }
}
