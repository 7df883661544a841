package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.client.GatewayPins;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's site database (decision 0002): a fresh temporary file each time, unless the demo names one, as
 * {@code demo --site FILE} does, with a window as without.
 */
class DemoSiteFileTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final SiteSpec SITE = new SiteSpec(4, 3, 1, NOW);

    @TempDir
    Path home;

    @Test
    void aDemoNamingAFileKeepsItsReplicaThere() throws IOException {
        Path file = home.resolve("demo-site.db");
        assertThat(siteFileOf(new ConnectionTarget.Demo(SITE, 1.0, Scenario.NONE, file))).isEqualTo(file);
        assertThat(file).exists();
    }

    @Test
    void aDemoNamingNoFileKeepsItsReplicaInAFreshTemporaryOne() throws IOException {
        Path first = siteFileOf(new ConnectionTarget.Demo(SITE, 1.0, Scenario.NONE));
        Path second = siteFileOf(new ConnectionTarget.Demo(SITE, 1.0, Scenario.NONE));
        assertThat(first).isNotEqualTo(second);
        assertThat(first.startsWith(home)).as("in the technician's data").isFalse();
    }

    private Path siteFileOf(ConnectionTarget.Demo demo) throws IOException {
        AppDirs dirs = AppDirs.forPlatform("Linux", home, name -> null);
        try (Connector connector = new Connector(GatewayPins.inMemory());
                ConsoleSession session = ConsoleSession.openDemo(connector, dirs, demo)) {
            return session.siteFile();
        }
    }
}
