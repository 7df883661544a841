package io.gridside.site.store;

import io.gridside.site.commission.Assignment;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.DryRunBill;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.LinkCheck;
import io.gridside.site.commission.PlannedCustomer;
import io.gridside.site.commission.RelayTest;
import io.gridside.site.commission.SignedReport;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.commission.StepRecord;
import io.gridside.site.tariff.TariffSchedule;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The site store's commissioning rows (decision 0064): the site's plan, the tariffs and customers planned, the
 * meters that joined, the assignments, link checks, relay tests, the dry run, the steps done and the signed reports.
 * Every write is one transaction and idempotent, so a step interrupted and run again applies nothing twice. Calls
 * are serialised on the store that gives this out ({@link SiteStore#commission}), as its own are.
 */
public final class CommissionRecords {

    private final Connection connection;
    private final StoreWork work;

    CommissionRecords(Object lock, Connection connection, Path file) {
        this.connection = connection;
        this.work = new StoreWork(lock, connection, file);
    }

    /**
     * Creates a new site store at {@code file} for {@code plan}, with the SITE step marked done.
     *
     * @throws StoreException when {@code file} exists already: a site is never created over another
     */
    public static SiteStore createSite(Path file, SitePlan plan, Instant at) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The site's plan as created, or empty for a store made from a gateway's pull. */
    public Optional<SitePlan> plan() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Keeps the tariffs the operator issued for the site, replacing one of the same id. */
    public void saveTariffs(List<TariffSchedule> tariffs) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The tariffs kept, in id order. */
    public List<TariffSchedule> tariffs() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Keeps the customers of a checked CSV file, all in one transaction; one of the same id is replaced. */
    public void saveCustomers(List<PlannedCustomer> customers) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Adds one customer entered on site.
     *
     * @throws io.gridside.site.commission.CommissionRefusal when a customer of that id is there already and differs
     */
    public void addCustomer(PlannedCustomer customer) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The planned customers, in id order. */
    public List<PlannedCustomer> customers() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Keeps the meters the gateway reported as joined, replacing what was held of each. */
    public void saveJoined(List<JoinedMeter> meters) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The joined meters held, in serial order. */
    public List<JoinedMeter> joined() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Gives the meter {@code scan} names to {@code customerId} by the rules of
     * {@link io.gridside.site.commission.AssignmentRules}, checked and stored in one transaction.
     *
     * @return the assignment, the one held already when the same was asked before
     * @throws io.gridside.site.commission.CommissionRefusal with the reason when a rule refuses it
     */
    public Assignment assign(String customerId, String scan, Instant at) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Takes {@code customerId}'s meter back, so that it can be given another; false when they had none. */
    public boolean unassign(String customerId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The assignments, in customer id order. */
    public List<Assignment> assignments() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Keeps link checks made at {@code at}, replacing the earlier check of each meter. */
    public void saveLinkChecks(List<LinkCheck> checks, Instant at) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The latest link check of each meter, in serial order. */
    public List<LinkCheck> linkChecks() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Keeps a relay test, replacing the earlier test of the same meter. */
    public void saveRelayTest(RelayTest test) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The latest relay test of each meter, in serial order. */
    public List<RelayTest> relayTests() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Keeps the dry run's bills, replacing the whole of an earlier run. */
    public void saveDryRun(List<DryRunBill> bills) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The dry run's bills, in customer id order; empty before it ran. */
    public List<DryRunBill> dryRun() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Marks {@code step} done at {@code at}, with {@code detail} in words.
     *
     * @return false when it was done already: the first record stands and nothing changes
     */
    public boolean markDone(CommissionStep step, Instant at, String detail) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Marks {@code step} not done, as when the technician goes back to it; false when it was not done. */
    public boolean reopen(CommissionStep step) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The steps done, in the order of {@link CommissionStep}. */
    public List<StepRecord> progress() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Keeps a signed report and queues it for the cloud (the sync outbox's events stream, kind
     * {@code commissionReport}) in one transaction; the same report kept twice is kept and queued once.
     *
     * @return false when it was kept already
     */
    public boolean saveReport(SignedReport report) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The reports kept, the latest first. */
    public List<SignedReport> reports() {
        throw new UnsupportedOperationException("not yet");
    }
}
