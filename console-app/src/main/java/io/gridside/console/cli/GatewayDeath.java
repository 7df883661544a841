package io.gridside.console.cli;

import io.gridside.link.auth.SigningKey;
import io.gridside.sim.FreshSite;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.journal.GatewayInputs;
import io.gridside.sim.journal.JournalException;
import io.gridside.sim.replace.ReplacementSite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code gridside sim --replace-gateway-after MINUTES}: once the site's clock has run that long, its gateway dies
 * and a factory-fresh one takes its place at the same address, for a technician to train replacing a gateway
 * with {@code gridside connect ... replace-gateway}.
 */
final class GatewayDeath {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayDeath.class);
    /** How often the watcher looks at the simulated clock, in real time. */
    private static final Duration LOOK = Duration.ofMillis(250);
    /** Where, inside the site's {@code --journal}, the new gateway keeps its own. */
    static final String REPLACEMENT_JOURNAL = "replacement";

    private GatewayDeath() {
    }

    /**
     * Watches {@code clock} on a daemon thread and, at {@code at}, lets the gateway die; prints
     * {@code replaced=HOST:PORT} and the new gateway's key through {@code announce} once the new one listens.
     *
     * @param siteJournal the site's {@code --journal}, in which the new gateway keeps its own, or null for none: a
     *     gateway that died in an earlier run on it is replaced at once, and its replacement resumes
     * @param input where a line lets the gateway die at once, if it comes before {@code at}
     *     ({@code --replace-gateway-on-input}), or null to wait for {@code at} only
     */
    static void schedule(SimulatedSite sim, SimClock clock, Instant at, InetSocketAddress listening,
            Consumer<String> announce, Path siteJournal, InputStream input) {
        Path journal = siteJournal == null ? null : siteJournal.resolve(REPLACEMENT_JOURNAL);
        Instant dies = deathAt(clock, at, journal);
        CompletableFuture<Boolean> told = input == null ? CompletableFuture.completedFuture(false) : lineOn(input);
        Thread watcher = new Thread(() -> watch(sim, clock, dies, told, listening, announce, journal),
                "site-sim-gateway-death");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * When the gateway dies: at {@code at}, or now when the replacement's {@code journal} holds what an earlier run
     * kept (the gateway died then, and its replacement resumes).
     */
    static Instant deathAt(SimClock clock, Instant at, Path journal) {
        return journal != null && Files.exists(journal.resolve(GatewayInputs.FILE_NAME)) ? clock.now() : at;
    }

    /**
     * Reads {@code input} on a daemon thread of its own: true once a whole line has come, false when it ends (or
     * fails) first, as when nobody holds the simulator's standard input.
     */
    static CompletableFuture<Boolean> lineOn(InputStream input) {
        CompletableFuture<Boolean> told = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
                told.complete(lines.readLine() != null);
            } catch (IOException e) {
                told.complete(false);
            }
        }, "site-sim-gateway-death-input");
        reader.setDaemon(true);
        reader.start();
        return told;
    }

    private static void watch(SimulatedSite sim, SimClock clock, Instant at, CompletableFuture<Boolean> told,
            InetSocketAddress listening, Consumer<String> announce, Path journal) {
        try {
            while (clock.now().isBefore(at) && !told.getNow(false)) {
                Thread.sleep(LOOK.toMillis());
            }
            ReplacementSite replacement = replace(sim, clock, listening, journal);
            Runtime.getRuntime().addShutdownHook(new Thread(replacement::close, "replacement-shutdown"));
            announce.accept("replaced=" + replacement.address().getAddress().getHostAddress() + ":"
                    + replacement.address().getPort());
            announce.accept("replacement-key=" + replacement.gateway().identityKey().publicKey().hex());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | JournalException e) {
            LOG.error("The replacement gateway could not take the dead gateway's place.", e);
        }
    }

    /**
     * As {@link #schedule}, for a site commissioned on a factory-fresh gateway ({@code sim --fresh}): the gateway
     * dies {@code after} of the site's time once it has gone live, since only a gateway that billed leaves a replica
     * to restore from; before go-live there is nothing to replace, and the technician commissions on.
     *
     * @param siteJournal the fresh gateway's {@code --journal}, in which the new gateway keeps its own, or null: a
     *     gateway that died in an earlier run on it is replaced as soon as it is live again
     */
    static void scheduleFresh(FreshSite site, Duration after, InetSocketAddress listening, Consumer<String> announce,
            Path siteJournal) {
        Path journal = siteJournal == null ? null : siteJournal.resolve(REPLACEMENT_JOURNAL);
        Thread watcher = new Thread(() -> watchFresh(site, after, listening, announce, journal),
                "fresh-sim-gateway-death");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void watchFresh(FreshSite site, Duration after, InetSocketAddress listening,
            Consumer<String> announce, Path journal) {
        try {
            while (site.gateway().live() == null) {
                Thread.sleep(LOOK.toMillis());
            }
            SimClock clock = site.gateway()::clock;
            Instant dies = deathAt(clock, clock.now().plus(after), journal);
            while (clock.now().isBefore(dies)) {
                Thread.sleep(LOOK.toMillis());
            }
            SigningKey key = ReplacementSite.keyFor(site.gateway());
            ReplacementSite replacement = ReplacementSite.takeOver(site,
                    site.gateway().profile().gatewayId() + "-R", key, listening.getAddress(), listening.getPort(),
                    journal);
            Runtime.getRuntime().addShutdownHook(new Thread(replacement::close, "replacement-shutdown"));
            announce.accept("replaced=" + replacement.address().getAddress().getHostAddress() + ":"
                    + replacement.address().getPort());
            announce.accept("replacement-key=" + key.publicKey().hex());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | JournalException e) {
            LOG.error("The replacement gateway could not take the dead gateway's place.", e);
        }
    }

    /** The dead gateway's replacement, listening where it listened, keeping its journal in {@code journal}. */
    static ReplacementSite replace(SimulatedSite sim, SimClock clock, InetSocketAddress listening, Path journal)
            throws IOException {
        // The replacement's key comes from the site's own: a training script of one site can expect its
        // fingerprint, and two sites' replacements differ.
        return ReplacementSite.takeOver(sim, clock, sim.gateway().profile().gatewayId() + "-R",
                ReplacementSite.keyFor(sim.gateway()), listening.getAddress(), listening.getPort(), journal);
    }
}
