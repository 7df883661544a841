package io.gridside.console.service.commission;

import io.gridside.billing.commission.DryRun;
import io.gridside.console.Formats;
import io.gridside.console.Sentence;
import io.gridside.link.auth.CommissioningPackFile;
import io.gridside.link.auth.SignedCommissioningPack;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayCommissioning;
import io.gridside.link.message.CommissionMeter;
import io.gridside.link.message.CommissioningState;
import io.gridside.link.message.RelayTested;
import io.gridside.link.message.SiteSetUp;
import io.gridside.link.message.WentLive;
import io.gridside.site.SiteInfo;
import io.gridside.site.commission.Assignment;
import io.gridside.site.commission.CommissionRefusal;
import io.gridside.site.commission.CommissionReport;
import io.gridside.site.commission.CommissionReports;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.DryRunBill;
import io.gridside.site.commission.DryRunLoads;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.LinkCheck;
import io.gridside.site.commission.LinkChecks;
import io.gridside.site.commission.LinkVerdict;
import io.gridside.site.commission.PlannedCustomer;
import io.gridside.site.commission.RelayTest;
import io.gridside.site.commission.SignedReport;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.store.CommissionRecords;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The work of each commissioning step on one day's service. Each step may run again after an interruption and
 * looks first at what the store and the gateway hold: a customer the gateway commissioned is not sent again, a
 * relay that passed is not switched again, and the gateway answers a repeated setup or go-live as it did the first.
 */
final class CommissionSteps {

    private final CommissionService day;

    CommissionSteps(CommissionService day) {
        this.day = day;
    }

    Map<CommissionStep, StepWork> all() {
        Map<CommissionStep, StepWork> work = new EnumMap<>(CommissionStep.class);
        work.put(CommissionStep.SITE, this::site);
        work.put(CommissionStep.GATEWAY, this::gateway);
        work.put(CommissionStep.PACK, this::pack);
        work.put(CommissionStep.CUSTOMERS, this::customers);
        work.put(CommissionStep.ASSIGN, this::assign);
        work.put(CommissionStep.BALANCES, this::balances);
        work.put(CommissionStep.LINK_CHECK, this::linkCheck);
        work.put(CommissionStep.RELAY_TEST, this::relayTest);
        work.put(CommissionStep.DRY_RUN, this::dryRun);
        work.put(CommissionStep.GO_LIVE, this::goLive);
        work.put(CommissionStep.REPORT, this::report);
        return work;
    }

    private StepOutcome site(StepContext context) {
        if (!day.siteOpen()) {
            return StepOutcome.waitingFor("wait.site");
        }
        SitePlan plan = day.plan();
        return StepOutcome.finished(plan.siteId() + ", " + plan.name());
    }

    private StepOutcome gateway(StepContext context) throws IOException {
        CommissionLink link = day.link();
        if (link == null) {
            return StepOutcome.waitingFor("wait.gateway");
        }
        GatewayCommissioning gateway = link.commissioning();
        if (!gateway.supported()) {
            throw NotReadyRefusals.gatewayCannotCommission(link.client().hello().gatewayId());
        }
        CommissioningState state = gateway.state();
        String siteId = day.plan().siteId();
        if (!state.factoryFresh() && !siteId.equals(state.siteId())) {
            throw NotReadyRefusals.gatewayOfAnotherSite(link.client().hello().gatewayId(), state.siteId(), siteId);
        }
        return StepOutcome.finished(CommissionTargets.format(day.target()));
    }

    private StepOutcome pack(StepContext context) throws IOException {
        if (day.pack() == null) {
            return StepOutcome.waitingFor("wait.pack");
        }
        SignedCommissioningPack signed = CommissioningPackFile.read(day.pack());
        List<TariffSchedule> tariffs = new ArrayList<>();
        for (String json : signed.pack().tariffFiles()) {
            tariffs.add(TariffFile.parse(json));
        }
        SiteSetUp setUp = gateway().setUpSite(day.plan(), day.setup().clock().instant(), signed);
        day.records().saveTariffs(tariffs);
        // From now on the store is this gateway's site database, which later pulls check they feed from.
        SitePlan plan = day.plan();
        day.store().saveSite(new SiteInfo(plan.siteId(), plan.name(), plan.currency(), plan.zone()),
                setUp.gatewayId());
        context.progress().update(Sentence.of("progress.siteTaken", setUp.gatewayId(), setUp.siteId()), 1, 1);
        return StepOutcome.finished(day.pack().toString());
    }

    /** The gateway's commissioning requests, on a session opened now if none is open. */
    GatewayCommissioning gateway() throws IOException {
        CommissionLink link = day.link();
        if (link == null) {
            throw NotReadyRefusals.gatewayAddressUnknown();
        }
        return link.commissioning();
    }

    private StepOutcome customers(StepContext context) {
        int customers = day.records().customers().size();
        if (customers == 0) {
            return StepOutcome.waitingFor("wait.customers");
        }
        return StepOutcome.finished(customers + " customers");
    }

    private StepOutcome assign(StepContext context) throws IOException {
        pullJoined(context);
        CommissionRecords rows = day.records();
        Set<String> assigned = rows.assignments().stream().map(Assignment::customerId).collect(Collectors.toSet());
        Set<String> joined = rows.joined().stream().map(JoinedMeter::meterId).collect(Collectors.toSet());
        List<CommissionRefusal> refused = new ArrayList<>();
        for (PlannedCustomer customer : rows.customers()) {
            if (!assigned.contains(customer.customerId()) && customer.meterSerial() != null
                    && joined.contains(customer.meterSerial())) {
                assignPlanned(rows, customer, assigned).ifPresent(refused::add);
            }
        }
        long left = rows.customers().size() - assigned.size();
        if (!refused.isEmpty()) {
            CommissionRefusal first = refused.get(0);
            return StepOutcome.waitingFor("wait.assignRefused", left, refused.size(), refusalSentence(first),
                    first.code());
        }
        if (left > 0) {
            return StepOutcome.waitingFor("wait.assign", left);
        }
        return StepOutcome.finished(assigned.size() + " meters assigned");
    }

    /**
     * Gives a customer the meter the operator planned for them; a refusal (a meter of the wrong type, or taken)
     * leaves them to the technician and is returned, so that the step says why rather than only that they wait.
     */
    private Optional<CommissionRefusal> assignPlanned(CommissionRecords rows, PlannedCustomer customer,
            Set<String> assigned) {
        try {
            rows.assign(customer.customerId(), customer.meterSerial(), day.setup().clock().instant());
            assigned.add(customer.customerId());
            return Optional.empty();
        } catch (CommissionRefusal refusal) {
            return Optional.of(refusal);
        }
    }

    /** The refusal as its own sentence of the commission bundle when it has one, else its English message. */
    private static Object refusalSentence(CommissionRefusal refusal) {
        return refusal.reason().<Object>map(reason -> CommissionSentence.of("refusal." + reason,
                refusal.values().toArray())).orElse(refusal.getMessage());
    }

    /** Keeps the meters that joined the mesh since the last look; commissioned ones the gateway no longer lists. */
    void pullJoined(StepContext context) throws IOException {
        pullJoined(context.cancel());
    }

    void pullJoined(CancelSignal cancel) throws IOException {
        CommissionLink link = day.link();
        if (link == null) {
            return;
        }
        List<JoinedMeter> meters = new ArrayList<>();
        link.commissioning().joinedMeters(null, (batch, received, total) -> meters.addAll(batch), cancel);
        day.records().saveJoined(meters);
    }

    private StepOutcome balances(StepContext context) {
        CommissionRecords rows = day.records();
        Set<String> tariffs = rows.tariffs().stream().map(TariffSchedule::tariffId).collect(Collectors.toSet());
        List<String> unknown = rows.customers().stream().filter(c -> !tariffs.contains(c.tariffId()))
                .map(c -> c.customerId() + " (" + c.tariffId() + ")").toList();
        if (!unknown.isEmpty()) {
            return StepOutcome.waitingFor("wait.balances", String.join(", ", unknown));
        }
        long total = rows.customers().stream().mapToLong(PlannedCustomer::openingBalanceMinor).sum();
        return StepOutcome.finished(rows.customers().size() + " opening balances, "
                + Formats.money(total, day.plan().currency()) + " in all");
    }

    private StepOutcome linkCheck(StepContext context) throws IOException {
        pullJoined(context);
        CommissionRecords rows = day.records();
        Set<String> assigned = rows.assignments().stream().map(Assignment::meterId).collect(Collectors.toSet());
        List<JoinedMeter> meters = rows.joined().stream().filter(m -> assigned.contains(m.meterId())).toList();
        List<LinkCheck> checks = LinkChecks.checkAll(meters, day.thresholds());
        rows.saveLinkChecks(checks, day.setup().clock().instant());
        List<String> failing = checks.stream().filter(c -> c.verdict() == LinkVerdict.FAIL).map(LinkCheck::meterId)
                .toList();
        if (!failing.isEmpty()) {
            return StepOutcome.waitingFor("wait.links", failing.size(), firstFive(failing));
        }
        long attention = checks.stream().filter(c -> c.verdict() == LinkVerdict.ATTENTION).count();
        return StepOutcome.finished(checks.size() + " meters checked, " + attention + " need attention");
    }

    private StepOutcome relayTest(StepContext context) throws Exception {
        CommissionRecords rows = day.records();
        Set<String> passed = rows.relayTests().stream().filter(RelayTest::passed).map(RelayTest::meterId)
                .collect(Collectors.toCollection(HashSet::new));
        List<Assignment> assignments = rows.assignments();
        GatewayCommissioning gateway = gateway();
        List<String> failed = new ArrayList<>();
        int done = 0;
        for (Assignment assignment : assignments) {
            context.progress().update(Sentence.of("progress.relayTest", assignment.meterId()), done++,
                    assignments.size());
            if (passed.contains(assignment.meterId())) {
                continue;
            }
            if (context.cancel().isCancelled()) {
                throw new StepCancelledException(CommissionStep.RELAY_TEST);
            }
            RelayTest test = testRelay(gateway, assignment.meterId());
            if (!test.passed()) {
                failed.add(assignment.meterId());
            }
        }
        if (!failed.isEmpty()) {
            return StepOutcome.waitingFor("wait.relays", failed.size(), firstFive(failed));
        }
        return StepOutcome.finished(assignments.size() + " relays passed");
    }

    /** Tests one meter's relay on the gateway and keeps the result. */
    RelayTest testRelay(String meterId) throws IOException {
        return testRelay(gateway(), meterId);
    }

    private RelayTest testRelay(GatewayCommissioning gateway, String meterId) throws IOException {
        RelayTested tested = gateway.testRelay(meterId);
        RelayTest test = new RelayTest(meterId, tested.afterDisconnect(), tested.afterReconnect(), tested.testedAt(),
                tested.failure());
        day.records().saveRelayTest(test);
        return test;
    }

    private StepOutcome dryRun(StepContext context) {
        CommissionRecords rows = day.records();
        SitePlan plan = day.plan();
        Map<String, TariffSchedule> tariffs = rows.tariffs().stream()
                .collect(Collectors.toMap(TariffSchedule::tariffId, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
        LocalDate tomorrow = LocalDate.ofInstant(day.setup().clock().instant(), plan.zone()).plusDays(1);
        Instant from = tomorrow.atStartOfDay(plan.zone()).toInstant();
        DryRunLoads loads = new DryRunLoads(plan.siteId().hashCode(), plan.zone());
        List<DryRunBill> bills = DryRun.firstWeek(plan, rows.customers(), tariffs, loads::energyWh, from);
        rows.saveDryRun(bills);
        long short1 = bills.stream().filter(bill -> bill.closingMinor() < 0).count();
        return StepOutcome.finished(bills.size() + " customers billed, " + short1 + " out of credit within the week");
    }

    /** The first five meters of {@code meters}, and an ellipsis when there are more. */
    private static String firstFive(List<String> meters) {
        return String.join(", ", meters.subList(0, Math.min(5, meters.size()))) + (meters.size() > 5 ? ", ..." : "");
    }

    private StepOutcome goLive(StepContext context) throws Exception {
        CommissionRecords rows = day.records();
        List<String> failing = failingAssigned(rows);
        if (!failing.isEmpty()) {
            return StepOutcome.waitingFor("wait.links", failing.size(), firstFive(failing));
        }
        if (!day.goLiveConfirmed()) {
            return StepOutcome.waitingFor("wait.goLive");
        }
        GatewayCommissioning gateway = gateway();
        Set<String> commissioned = new HashSet<>(gateway.state().commissionedCustomers());
        Map<String, PlannedCustomer> customers = new LinkedHashMap<>();
        rows.customers().forEach(customer -> customers.put(customer.customerId(), customer));
        List<Assignment> assignments = rows.assignments();
        int done = 0;
        for (Assignment assignment : assignments) {
            context.progress().update(Sentence.of("progress.commissioning", assignment.customerId()), done++,
                    assignments.size());
            if (commissioned.contains(assignment.customerId())) {
                continue;
            }
            if (context.cancel().isCancelled()) {
                throw new StepCancelledException(CommissionStep.GO_LIVE);
            }
            PlannedCustomer customer = customers.get(assignment.customerId());
            gateway.commission(new CommissionMeter(assignment.meterId(), customer.customerId(), customer.name(),
                    customer.category(), customer.tariffId(), customer.openingBalanceMinor()));
        }
        WentLive live = gateway.goLive();
        // What happened on the gateway is recorded at the gateway's time, as the gateway itself says it.
        return StepOutcome.finishedAt("live at " + live.liveAt() + " with " + live.customers() + " customers",
                live.liveAt());
    }

    /**
     * The meters with a customer whose latest link check fails, whichever face checked them last: a meter that
     * needs attention may go live, one that fails may not, since it may not reach the gateway at all.
     */
    private static List<String> failingAssigned(CommissionRecords rows) {
        Set<String> assigned = rows.assignments().stream().map(Assignment::meterId).collect(Collectors.toSet());
        return rows.linkChecks().stream().filter(check -> check.verdict() == LinkVerdict.FAIL)
                .map(LinkCheck::meterId).filter(assigned::contains).toList();
    }

    private StepOutcome report(StepContext context) {
        CommissionRecords rows = day.records();
        CommissionSetup setup = day.setup();
        Function<Instant, CommissionReport> build = at -> CommissionReports.build(day.plan(),
                day.store().gatewayId().orElse(""), setup.credential().technicianId(), rows.customers(),
                rows.assignments(), rows.joined(), rows.linkChecks(), rows.relayTests(), rows.dryRun(),
                day.thresholds(), at);
        Optional<SignedReport> same = ReportSigning.sameAsKept(build, ReportSigning.intactReports(rows));
        if (same.isPresent()) {
            return StepOutcome.finished(same.get().reportId());
        }
        Instant now = setup.clock().instant();
        SignedReport signed = ReportSigning.sign(build.apply(now), setup.credential(), setup.key(), now);
        rows.saveReport(signed);
        return StepOutcome.finished(signed.reportId());
    }
}
