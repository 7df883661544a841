package io.gridside.console.service.commission;

import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.service.Progress;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayCommissioning;
import io.gridside.link.message.HelloReply;
import io.gridside.site.commission.Assignment;
import io.gridside.site.commission.CommissionRefusal;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.CustomerCsv;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.MeterSerial;
import io.gridside.site.commission.RelayTest;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.store.CommissionRecords;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One site's commissioning day, as the console and the command line run it: the site's store, the session with its
 * gateway, the technician's inputs (the gateway's address, the pack, the customers file, the meters scanned), and
 * the runner that takes the steps in order. What the day needs to resume (the store, the steps done, the gateway's
 * address and the pack's path) is kept in the store, so a console closed in the middle opens the same file again
 * with {@link #resume} and carries on. Not for the JavaFX thread: every method may touch the store or the link.
 */
public final class CommissionService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommissionService.class);

    private final CommissionSetup setup;
    private final StoreJournal journal;
    private final CommissionRunner runner;
    private final CommissionSteps steps;
    private volatile SiteStore store;
    private volatile ConnectionTarget target;
    private volatile CommissionLink link;
    private volatile Path pack;
    private volatile CommissionSentence waiting;
    private volatile boolean goLiveConfirmed;
    private volatile LinkThresholds thresholds;

    public CommissionService(CommissionSetup setup) {
        this.setup = setup;
        this.thresholds = setup.thresholds();
        this.journal = new StoreJournal(this::recordsOrNull, setup.clock());
        this.steps = new CommissionSteps(this);
        this.runner = new CommissionRunner(journal, steps.all());
    }

    /**
     * Opens a site store created by an earlier commissioning and carries on where it stopped: the gateway's address
     * and the pack's path come back from the steps that recorded them.
     */
    public void resume(Path file) {
        store = SiteStore.openExisting(file);
        store.commission().thresholds().ifPresent(kept -> thresholds = kept);
        String gateway = journal.detail(CommissionStep.GATEWAY);
        if (!gateway.isEmpty()) {
            target = CommissionTargets.parse(gateway);
        }
        String packPath = journal.detail(CommissionStep.PACK);
        if (!packPath.isEmpty()) {
            pack = Path.of(packPath);
        }
        LOG.info("Resumed the commissioning of {} at the step {}.", file, runner.current());
    }

    /**
     * Creates the site's store from {@code plan}, the first step; a store created before for the same plan is
     * opened again instead. A day whose report is kept is over: its store is closed, and the new site starts a new
     * day.
     *
     * @return the store's file
     * @throws CommissionRefusal when a site is open already, or a store of that site holds another plan
     */
    public Path createSite(SitePlan plan) {
        if (store != null && runner.current() == null) {
            close();
            target = null;
            pack = null;
            waiting = null;
            goLiveConfirmed = false;
        }
        if (store != null) {
            throw NotReadyRefusals.siteCreatedAlready();
        }
        Path file = setup.folder().resolve(plan.siteId() + ".db");
        if (Files.exists(file)) {
            SiteStore existing = SiteStore.openExisting(file);
            if (!existing.commission().plan().map(plan::equals).orElse(false)) {
                existing.close();
                throw NotReadyRefusals.storeOfAnotherPlan(plan.siteId(), file);
            }
            store = existing;
            existing.commission().thresholds().ifPresent(kept -> thresholds = kept);
        } else {
            try {
                Files.createDirectories(setup.folder());
            } catch (IOException e) {
                throw new UncheckedIOException("The folder " + setup.folder() + " for the site's store could not "
                        + "be made: " + e.getMessage(), e);
            }
            store = CommissionRecords.createSite(file, plan, setup.clock().instant());
        }
        return file;
    }

    /** Takes the gateway's address; the gateway step reaches it. A new address closes the session with the old. */
    public void useGateway(ConnectionTarget gateway) {
        if (!gateway.equals(target)) {
            closeLink();
            target = gateway;
        }
    }

    /**
     * Gives the technician's go for go-live, which switches billing on and cannot be taken back; until then the
     * go-live step waits, so that the checks' results are read first. Lasts for this console's run.
     */
    public void confirmGoLive() {
        goLiveConfirmed = true;
    }

    boolean goLiveConfirmed() {
        return goLiveConfirmed;
    }

    /** Takes the operator's pack file; the pack step loads it into the gateway. */
    public void usePack(Path file) {
        pack = file;
    }

    /**
     * Reads the customers file and keeps its customers when every line is good; when not, nothing is kept and the
     * result lists every problem with its line.
     */
    public CustomerCsv.Result importCustomers(Path csv) throws IOException {
        CommissionRecords rows = records();
        Set<String> tariffs = rows.tariffs().stream().map(TariffSchedule::tariffId).collect(Collectors.toSet());
        CustomerCsv.Result result = CustomerCsv.read(Files.readString(csv, StandardCharsets.UTF_8),
                plan().currency(), tariffs.isEmpty() ? null : tariffs);
        if (result.ok()) {
            rows.saveCustomers(result.customers());
            // A file loaded after the step was done replaces its record, so that progress names the file in use.
            rows.markDoneAgain(CommissionStep.CUSTOMERS, setup.clock().instant(),
                    result.customers().size() + " customers from " + csv.getFileName());
            LOG.info("Imported {} customers from {}.", result.customers().size(), csv);
        }
        return result;
    }

    /**
     * Gives the meter that {@code scan} names (typed, or read by a scanner) to {@code customerId}.
     *
     * @throws CommissionRefusal with the reason when a rule refuses it, or when the site is live
     */
    public Assignment assign(String scan, String customerId) {
        refuseWhenLive();
        return records().assign(customerId, scan, setup.clock().instant());
    }

    /**
     * Switches the relay of the meter {@code scan} names off and on and keeps the result, as the relay-test step
     * does for each assigned meter; a passed test is not run again by that step.
     *
     * @throws CommissionRefusal when {@code scan} is not a serial or its check digit does not match
     */
    public RelayTest testRelay(String scan) throws IOException {
        return steps.testRelay(MeterSerial.fromScan(scan));
    }

    /** Takes {@code customerId}'s meter back before go-live, so it can be given another. */
    public boolean unassign(String customerId) {
        refuseWhenLive();
        return records().unassign(customerId);
    }

    private void refuseWhenLive() {
        if (runner.live()) {
            throw NotReadyRefusals.siteLive();
        }
    }

    /**
     * Runs the steps from the current one until one waits for the technician or all are done.
     *
     * @throws StepCancelledException when {@code cancel} was raised between two actions
     */
    public RunResult proceed(Progress progress, CancelSignal cancel) throws Exception {
        return proceedThrough(CommissionStep.REPORT, progress, cancel);
    }

    /**
     * Runs the steps from the current one until one waits for the technician or every step up to and including
     * {@code last} is done, as a command that does one part of the day does: the steps before its own are checked
     * and recorded as in a full run, and the steps after it are left.
     *
     * @throws StepCancelledException when {@code cancel} was raised between two actions
     */
    public RunResult proceedThrough(CommissionStep last, Progress progress, CancelSignal cancel) throws Exception {
        try {
            RunResult result = runner.runThrough(last, progress, cancel);
            waiting = result.says();
            return result;
        } catch (IOException e) {
            // A dropped link: the next run opens a new session and the step carries on from what it applied.
            closeLink();
            throw e;
        }
    }

    /**
     * Looks for meters that joined the mesh since the last look, once the gateway was reached; before that, and
     * after go-live, when the gateway lists only meters nobody has, it does nothing.
     */
    public void pullJoined(CancelSignal cancel) throws IOException {
        Set<CommissionStep> done = journal.done();
        if (done.contains(CommissionStep.GATEWAY) && !done.contains(CommissionStep.GO_LIVE)) {
            steps.pullJoined(cancel);
        }
    }

    /** The gateway's hello when a session with it is open now; empty otherwise, and none is opened for it. */
    public Optional<HelloReply> gateway() {
        CommissionLink open = link;
        if (open == null || !open.isOpen()) {
            return Optional.empty();
        }
        try {
            return Optional.of(open.client().hello());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The gateway's commissioning requests on the session with it, opened now if none is open: for a command that
     * shows what the gateway holds after the steps ran.
     *
     * @throws CommissionRefusal when the gateway's address is not known yet
     */
    public GatewayCommissioning gatewayCommissioning() throws IOException {
        return steps.gateway();
    }

    /** Goes back to {@code step}, so that it and the steps after it run again. */
    public void goBack(CommissionStep step) {
        runner.goBackTo(step);
        waiting = null;
        goLiveConfirmed = false;
    }

    /** The first step not done, or null when the day is over. */
    public CommissionStep current() {
        return runner.current();
    }

    /** Every step with where it stands. */
    public List<StepState> states() {
        return runner.states();
    }

    /**
     * What the current step said it waits for at the end of the last run, in the console's language; empty when
     * nothing.
     */
    public String waiting() {
        CommissionSentence says = waiting;
        return says == null ? "" : says.text();
    }

    /** Whether the site's store is open: the site was created or resumed. */
    public boolean siteOpen() {
        return store != null;
    }

    /** The site's commissioning rows. */
    public CommissionRecords records() {
        CommissionRecords rows = recordsOrNull();
        if (rows == null) {
            throw NotReadyRefusals.createSiteFirst();
        }
        return rows;
    }

    private CommissionRecords recordsOrNull() {
        SiteStore open = store;
        return open == null ? null : open.commission();
    }

    /** The site's plan. */
    public SitePlan plan() {
        return records().plan().orElseThrow(NotReadyRefusals::noSitePlan);
    }

    /** The site's store, for what the day leaves behind (the ledger, the report); null before the site exists. */
    public SiteStore store() {
        return store;
    }

    CommissionSetup setup() {
        return setup;
    }

    /**
     * Measures the links against {@code chosen} from the next link check on, instead of the setup's limits: the
     * technician may tighten or ease them on the day. They are kept in the site's store once it exists, so a day
     * resumed later, here or by {@code gridside commission check-links}, measures against them too.
     */
    public void useThresholds(LinkThresholds chosen) {
        thresholds = Objects.requireNonNull(chosen, "chosen");
        CommissionRecords rows = recordsOrNull();
        if (rows != null) {
            rows.saveThresholds(chosen);
        }
    }

    /** The limits the link check measures the meters against now. */
    public LinkThresholds thresholds() {
        return thresholds;
    }

    ConnectionTarget target() {
        return target;
    }

    Path pack() {
        return pack;
    }

    /** The session with the gateway, opened on first use; null before the technician gave an address. */
    CommissionLink link() {
        ConnectionTarget gateway = target;
        if (gateway == null) {
            return null;
        }
        synchronized (this) {
            if (link == null) {
                link = new CommissionLink(setup.links().apply(gateway));
            }
            return link;
        }
    }

    private synchronized void closeLink() {
        if (link != null) {
            link.close();
            link = null;
        }
    }

    @Override
    public void close() {
        closeLink();
        SiteStore open = store;
        store = null;
        if (open != null) {
            open.close();
        }
    }
}
