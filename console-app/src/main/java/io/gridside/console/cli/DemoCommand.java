package io.gridside.console.cli;

import io.gridside.console.GridsideApp;
import io.gridside.console.commission.CommissionDemo;
import io.gridside.console.service.BillingAudit;
import io.gridside.console.service.BillingReport;
import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.service.Connector;
import io.gridside.console.service.SitePull;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.console.service.Progress;
import io.gridside.site.Reading;
import io.gridside.site.store.SiteStore;
import io.gridside.sim.SiteSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside demo}: the console on an embedded simulated site; with {@code --headless}, the same job
 * without a window: pull the site, audit its billing and print the summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Opens the console on an embedded simulated site, or with --headless, pulls and bills it.")
final class DemoCommand implements Callable<Integer> {

    /** The screens the window can show first. */
    static final List<String> SCREENS = List.of("dashboard", "meters", "mesh", "replay", "customers", "cash",
            "imports", "tariffs", "exceptions", "reconcile", "firmware", "sync", "commission", "replace-gateway");

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    SiteOptions site = new SiteOptions();

    @Mixin
    AppearanceOptions appearance = new AppearanceOptions();

    @Option(names = "--headless", description = "Run without a window: pull, bill and print a summary.")
    boolean headless;

    @Option(names = "--site", paramLabel = "FILE",
            description = "The site database file (default: a fresh temporary one, removed afterwards).")
    Path siteFile;

    @Option(names = "--json", description = "With --headless, print the summary as JSON.")
    boolean json;

    @Option(names = "--screen", paramLabel = "NAME", description = "The screen the window shows first: dashboard, "
            + "meters, mesh, replay, customers, cash, imports, tariffs, exceptions, reconcile, firmware, sync, or "
            + "commission, which opens on a factory-fresh simulated site to commission, or replace-gateway, the "
            + "Commissioning screen's replacement of a failed gateway.")
    String screen;

    @Override
    public Integer call() throws Exception {
        if (json && !headless) {
            throw new UsageException("--json goes with --headless: the window has no output for programs.");
        }
        if (screen != null && (headless || !SCREENS.contains(screen))) {
            throw new UsageException(headless ? "--screen goes with the window, not with --headless."
                    : "--screen takes one of " + String.join(", ", SCREENS) + ", not '" + screen + "'.");
        }
        appearance.check();
        if (headless && appearance.given()) {
            throw new UsageException("--lang and --theme go with the window, not with --headless.");
        }
        if (!headless) {
            appearance.applyToWindow();
        }
        if ("commission".equals(screen)) {
            return commissionFreshSite();
        }
        SiteSpec spec = site.spec();
        ConnectionTarget.Demo target = new ConnectionTarget.Demo(spec, site.speed, site.scenario(), siteFile);
        if (!headless) {
            GridsideApp.open(target, screen);
            return ExitCode.OK;
        }
        Path database = siteFile != null ? siteFile : Files.createTempFile("gridside-demo-", ".db");
        try {
            BillingReport report = pullAndAudit(spec, target, database);
            PrintWriter out = command.commandLine().getOut();
            if (json) {
                out.println(Json.write(SummaryJson.of(report)));
            } else {
                ReportPrinter.print(report, out);
            }
            return report.reconciliation().agrees() ? ExitCode.OK : ExitCode.FAILED;
        } finally {
            if (siteFile == null) {
                deleteDatabase(database);
            }
        }
    }

    /**
     * Opens the Commissioning screen on a factory-fresh simulated site of the chosen size, whose meters join as its
     * clock runs at the chosen speed (at least 30 times real time, so that a day's joins take minutes).
     */
    private Integer commissionFreshSite() throws IOException {
        Path folder = Files.createTempDirectory("gridside-commission-demo-");
        try (CommissionDemo demo = CommissionDemo.start(folder, site.spec().meters(), Math.max(30, site.speed))) {
            GridsideApp.openCommissioning(demo.commissionStart());
        }
        return ExitCode.OK;
    }

    private static BillingReport pullAndAudit(SiteSpec spec, ConnectionTarget.Demo target, Path database)
            throws IOException {
        Instant from = Reading.intervalStartOf(spec.now()).minus(Duration.ofDays(spec.historyDays()));
        try (Connector connector = new Connector(GatewayPins.inMemory());
                GatewayClient client = connector.connectDemo(target);
                SiteStore store = SiteStore.open(database)) {
            SitePull.run(client, store, from, client.hello().clock(), Progress.NONE, CancelSignal.NEVER);
            return BillingAudit.run(store);
        }
    }

    private static void deleteDatabase(Path database) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(database + suffix));
        }
    }
}
