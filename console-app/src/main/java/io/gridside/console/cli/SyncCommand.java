package io.gridside.console.cli;

import io.gridside.console.service.AppDirs;
import io.gridside.console.service.sync.Backoff;
import io.gridside.console.service.sync.CloudClient;
import io.gridside.console.service.sync.CloudException;
import io.gridside.console.service.sync.CloudPin;
import io.gridside.console.service.sync.LaptopId;
import io.gridside.console.service.sync.Sleeper;
import io.gridside.console.service.sync.SyncEngine;
import io.gridside.console.service.sync.SyncProgress;
import io.gridside.console.service.sync.SyncResult;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.client.CancelSignal;
import io.gridside.site.store.SiteStore;
import io.gridside.site.sync.SyncConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside sync --site FILE --cloud URL}: one sync run of a site's database with the operator's cloud. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Syncs a site's database with the operator's cloud, once: what was pulled from the gateway "
            + "goes up (payments first, then the ledger, events and customer edits, then readings), and tariffs, "
            + "customer changes, remote top-ups, firmware releases and credentials come down. A run that stops "
            + "(a dropped network, a closed lid) goes on where it stopped when it is run again; nothing is sent "
            + "or applied twice. Progress goes to stderr.",
            "The cloud's address and pin are kept in the site's database after the first run, so later runs may "
                + "leave them out.",
            "Exits with 0 when everything was acknowledged, 1 when something waits or needs attention, 2 on a "
                + "usage error, 3 when the cloud could not be reached or refused the session (a revoked "
                + "credential, a laptop reported lost, a certificate that does not match the pin).",
            "The JSON has: site, cloud, epoch, complete, up (per stream: itemsSent, batches, bytesSent, "
                + "checkpoint, waiting), down (per stream: items applied), topUpsQueued, fieldsTaken, rewound, "
                + "ledgerReplacedFrom, resynced and attention; a failure prints {error, message} instead."})
final class SyncCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--site", required = true, paramLabel = "FILE", description = "The site database file.")
    Path siteFile;

    @Option(names = "--cloud", paramLabel = "URL",
            description = "The cloud's address, https://HOST:PORT (default: the one kept in the site's database).")
    String cloud;

    @Option(names = "--pin", paramLabel = "PIN", description = {"The cloud's certificate pin, sha256/<base64>, "
        + "as the operator gives it (default: the one kept in the site's database)."})
    String pin;

    @Option(names = "--credential", paramLabel = "FILE",
            description = "The technician's credential file (default: credential.json in the config folder).")
    Path credential;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    /** The result as --json prints it. */
    record ResultJson(String site, String cloud, String epoch, boolean complete, Map<String, SyncResult.Up> up,
            Map<String, Integer> down, int topUpsQueued, int fieldsTaken, List<String> rewound,
            long ledgerReplacedFrom, List<String> resynced, List<String> attention) {
    }

    /** A failure as --json prints it. */
    record ErrorJson(String error, String message) {
    }

    @Override
    public Integer call() throws IOException {
        AppDirs dirs = AppDirs.forCurrentUser();
        SignedCredential technician = CommandFiles.credential(credentialFile(dirs));
        try (SiteStore store = SiteFiles.openExisting(siteFile)) {
            Optional<SyncConfig> kept = store.sync().config();
            URI url = url(cloud != null ? cloud : kept.map(SyncConfig::cloudUrl).orElse(null));
            CloudPin cloudPin = pin(pin != null ? pin : kept.filter(c -> cloud == null
                    || c.cloudUrl().equals(url.toString())).map(SyncConfig::pin).orElse(null));
            CloudClient client;
            try {
                client = SyncEngine.client(store, url, cloudPin, technician, LaptopId.in(dirs.data()));
            } catch (IllegalStateException e) {
                throw new UsageException(e.getMessage(), e, SiteFiles.NO_SITE);
            }
            SyncEngine engine = new SyncEngine(store, client, Clock.systemUTC(),
                    Backoff.standard(new SplittableRandom()), Sleeper.REAL);
            return run(store, engine, url, cloudPin);
        }
    }

    private int run(SiteStore store, SyncEngine engine, URI url, CloudPin cloudPin) {
        PrintWriter err = spec.commandLine().getErr();
        SyncResult result;
        // The first stream's progress means the pinned cloud answered the handshake: the address and pin are kept
        // then, so that a run cut short after it (a dropped network, a killed process) needs only --site again.
        boolean[] kept = {false};
        try {
            result = engine.run(update -> {
                if (!kept[0] && update.stream() != null) {
                    keep(store, url, cloudPin);
                    kept[0] = true;
                }
                progress(update);
            }, CancelSignal.NEVER);
        } catch (CloudException e) {
            if (e.kind() == CloudException.Kind.REFUSED) {
                keep(store, url, cloudPin);
            }
            printError(e.code(), e.getMessage());
            err.println("gridside: " + e.getMessage() + " [" + e.code().toUpperCase(Locale.ROOT) + "]");
            boolean unreachable = e.kind() == CloudException.Kind.RETRYABLE
                    || e.kind() == CloudException.Kind.SESSION_REFUSED;
            return unreachable ? ExitCode.UNREACHABLE : ExitCode.FAILED;
        }
        keep(store, url, cloudPin);
        print(store, url, result);
        return result.complete() ? ExitCode.OK : ExitCode.FAILED;
    }

    /** Keeps the cloud's address and pin in the site's database, once the cloud answered. */
    private static void keep(SiteStore store, URI url, CloudPin cloudPin) {
        Optional<SyncConfig> kept = store.sync().config();
        SyncConfig now = new SyncConfig(url.toString(), cloudPin.toString());
        if (kept.isEmpty() || !kept.get().equals(now)) {
            store.sync().saveConfig(now.cloudUrl(), now.pin());
        }
    }

    private void progress(SyncProgress.Update update) {
        if (update.stream() != null) {
            spec.commandLine().getErr().printf("%s: %s%n", update.stream(), update.message());
        }
    }

    private void print(SiteStore store, URI url, SyncResult result) {
        PrintWriter out = spec.commandLine().getOut();
        String site = store.site().map(s -> s.siteId()).orElse("");
        if (json) {
            out.println(Json.write(new ResultJson(site, url.toString(), result.epoch(), result.complete(),
                    result.up(), result.down(), result.topUpsQueued(), result.fieldsTaken(), result.rewound(),
                    result.ledgerReplacedFrom(), result.resynced(), result.attention())));
            out.flush();
            return;
        }
        out.println(result.complete() ? "Site " + site + " is in sync with " + url + ": everything was acknowledged."
                : "Site " + site + " synced with " + url + ", but not everything was acknowledged.");
        result.up().forEach((stream, up) -> out.printf("  up   %-10s %d sent in %d batches (%d bytes); %d "
                + "acknowledged in all, %d waiting%n", stream, up.itemsSent(), up.batches(), up.bytesSent(),
                up.checkpoint(), up.waiting()));
        result.down().forEach((stream, items) -> out.printf("  down %-10s %d items%n", stream, items));
        if (result.topUpsQueued() > 0) {
            out.println(result.topUpsQueued() + " remote top-ups are queued for the gateway; a supervisor pushes "
                    + "them with: gridside connect ... push --site " + store.file() + " (or from the Imports screen).");
        }
        if (!result.rewound().isEmpty()) {
            out.println("The cloud had lost part of " + String.join(", ", result.rewound())
                    + " (restored from a backup); it was sent again.");
        }
        if (result.ledgerReplacedFrom() > 0) {
            out.println("The cloud's ledger differed from the site's; it was replaced from seq "
                    + result.ledgerReplacedFrom() + ".");
        }
        if (!result.resynced().isEmpty()) {
            out.println("Read again from the start: " + String.join(", ", result.resynced()) + ".");
        }
        result.attention().forEach(line -> out.println("needs attention: " + line));
        out.flush();
    }

    private void printError(String code, String message) {
        if (json) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(Json.write(new ErrorJson(code, message)));
            out.flush();
        }
    }

    private Path credentialFile(AppDirs dirs) {
        Path file = credential != null ? credential : dirs.defaultCredential();
        if (credential == null && !Files.exists(file)) {
            throw new UsageException("No credential: give your credential file with --credential FILE, "
                    + "or put it at " + file + ".");
        }
        return file;
    }

    private static URI url(String text) {
        if (text == null) {
            throw new UsageException("No cloud address: give --cloud https://HOST:PORT (it is kept for later runs).");
        }
        try {
            URI url = new URI(text.strip());
            if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
                throw new UsageException("--cloud must be an https:// address, such as https://127.0.0.1:8443; "
                        + "was " + text + ".");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new UsageException("--cloud " + text + " is not an address: " + e.getMessage() + ".", e);
        }
    }

    private static CloudPin pin(String text) {
        if (text == null) {
            throw new UsageException("No pin for this cloud: give --pin sha256/... as the operator gives it (it "
                    + "is kept for later runs).");
        }
        try {
            return CloudPin.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
