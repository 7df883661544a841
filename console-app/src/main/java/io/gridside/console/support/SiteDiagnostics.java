package io.gridside.console.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.Customer;
import io.gridside.site.Meter;
import io.gridside.site.SiteEvent;
import io.gridside.site.SiteInfo;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.commission.PlannedCustomer;
import io.gridside.site.store.SiteStore;
import io.gridside.site.store.TolerantReads;
import io.gridside.site.sync.CustomerField;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a diagnostics bundle takes from a site database, field by field from an allow-list: the site, its meters with
 * the customer each supplies as a pseudonym, the latest mesh without the radios' positions (a meter's position is
 * a household's), and the recent events. It also tells the redactor every customer's name, phone number and
 * address the database holds, and the cloud sync's PIN, so that none of them passes in a log line either.
 */
final class SiteDiagnostics {

    /** How far back from the latest event the bundle's events reach. */
    static final Duration RECENT = Duration.ofDays(7);
    /** The most events a bundle carries, the latest kept. */
    static final int MOST_EVENTS = 2_000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SiteStore store;
    private final List<TolerantReads.PassedOver> passedOver = new ArrayList<>();
    private TolerantReads.Read<Customer> customers;

    SiteDiagnostics(SiteStore store) {
        this.store = store;
    }

    /** The roster's customers as read once, a row that does not read passed over and kept in {@link #passedOver}. */
    private TolerantReads.Read<Customer> customers() {
        if (customers == null) {
            customers = store.tolerantReads().customers();
            passedOver.addAll(customers.passedOver());
        }
        return customers;
    }

    /** The rows read so far that could not be read as their records, named by table and key only. */
    List<TolerantReads.PassedOver> passedOver() {
        return List.copyOf(passedOver);
    }

    /**
     * Tells {@code redactor} of everyone and every secret the database holds, each kind of row read on its own: a
     * kind that cannot be read is returned, the others told all the same.
     *
     * @return the failures of the kinds of row that could not be read, each named; empty when everyone was told
     */
    List<Unread> tell(Redactor.Builder redactor) {
        List<Unread> unread = new ArrayList<>();
        attempt("the roster's customers", unread, () -> customers().kept()
                .forEach(customer -> redactor.person(customer.customerId(), List.of(customer.name()))));
        attempt("the customers planned", unread, () -> tellPlanned(redactor));
        attempt("the customers' synced fields", unread, () -> tellFields(redactor));
        passedOver.forEach(row -> redactor.person(row.key(), row.texts()));
        // A technician's id names a person as a customer's does; the cash book is where the site holds them.
        attempt("the cash book's technicians", unread, () -> store.cashBook().stream()
                .map(CashBookLine::technicianId).filter(id -> id != null && !id.isBlank()).distinct()
                .forEach(redactor::technician));
        attempt("the technicians of the site's records", unread, () -> tellTechnicians(redactor));
        attempt("the cloud's pin", unread, () -> store.sync().config()
                .ifPresent(config -> redactor.secret(config.pin())));
        return unread;
    }

    // KNOWN SHORTCOMING: the kept signed commands (CBOR) are not decoded for the technicians who signed them; an id
    // only they hold, of no told id's form and not after "technician" or "supervisor" in a text, would pass.
    /**
     * Tells of the credential ids the site's records name: who signed each commissioning report, whose credentials
     * the cloud sent, and who the recent events say acted ("by", "technicianId" and the like).
     */
    private void tellTechnicians(Redactor.Builder redactor) {
        store.commission().reports().forEach(report -> redactor.technician(report.technicianId()));
        store.sync().credentials().forEach(credential -> redactor.technician(credential.technicianId()));
        store.latestEventAt().ifPresent(latest -> {
            for (SiteEvent event : store.events(latest.minus(RECENT), latest.plusSeconds(1))) {
                event.details().forEach((key, value) -> {
                    if (CredentialSecrets.ID_FIELDS.contains(key)) {
                        redactor.technician(value);
                    }
                });
            }
        });
    }

    /** A kind of row whose people could not be told, and why. */
    record Unread(String part, RuntimeException failure) {
    }

    private static void attempt(String part, List<Unread> unread, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            unread.add(new Unread(part, e));
        }
    }

    private void tellPlanned(Redactor.Builder redactor) {
        TolerantReads.Read<PlannedCustomer> planned = store.tolerantReads().plannedCustomers();
        passedOver.addAll(planned.passedOver());
        for (PlannedCustomer customer : planned.kept()) {
            redactor.person(customer.customerId(), List.of(customer.name(), customer.phone(), customer.address()));
        }
    }

    private void tellFields(Redactor.Builder redactor) {
        TolerantReads.Read<CustomerField> fields = store.tolerantReads().customerFields();
        passedOver.addAll(fields.passedOver());
        fields.kept().forEach(field -> redactor.person(field.customerId(), List.of(field.value())));
    }

    /** The site's identity, zone and size. */
    ObjectNode site() {
        ObjectNode site = JSON.objectNode();
        Optional<SiteInfo> info = store.site();
        site.put("siteId", info.map(SiteInfo::siteId).orElse(null));
        site.put("name", info.map(SiteInfo::name).orElse(null));
        site.put("currency", info.map(SiteInfo::currency).orElse(null));
        site.put("zone", info.map(i -> i.zone().getId()).orElse(null));
        site.put("gatewayId", store.gatewayId().orElse(null));
        site.put("schemaVersion", store.schemaVersion());
        site.put("meters", store.meters().size());
        site.put("customers", customers().kept().size() + customers().passedOver().size());
        site.put("readings", store.readingCount());
        site.put("lastLedgerSeq", store.lastLedgerSeq());
        return site;
    }

    /** Each meter with its radio's parent and signal, and its customer as the pseudonym {@code redactor} gives. */
    ArrayNode meters(Redactor redactor) {
        ArrayNode meters = JSON.arrayNode();
        for (Meter meter : store.meters()) {
            meters.addObject().put("meterId", meter.meterId()).put("serial", meter.serial())
                    .put("customer", redactor.pseudonym(meter.customerId())).put("parentId", meter.parentId())
                    .put("rssiDbm", meter.rssiDbm());
        }
        return meters;
    }

    /** The latest mesh the database holds: routes and link quality, no positions; null when it holds none. */
    ObjectNode topology() {
        List<Instant> times = store.topologyTimes();
        if (times.isEmpty()) {
            return null;
        }
        Optional<TopologySnapshot> latest = store.topologyNearest(times.get(times.size() - 1));
        return latest.map(SiteDiagnostics::topology).orElse(null);
    }

    private static ObjectNode topology(TopologySnapshot mesh) {
        ObjectNode topology = JSON.objectNode().put("at", mesh.at().toString()).put("gatewayId", mesh.gatewayId());
        ArrayNode nodes = topology.putArray("nodes");
        for (TopologySnapshot.Node node : mesh.nodes()) {
            ObjectNode row = nodes.addObject().put("id", node.id()).put("hops", node.hops()).put("rank", node.rank())
                    .put("parentId", node.parentId()).put("firmware", node.firmware())
                    .put("trafficPerHour", node.trafficPerHour());
            node.alternates().forEach(row.putArray("alternates")::add);
        }
        ArrayNode links = topology.putArray("links");
        for (TopologySnapshot.Link link : mesh.links()) {
            links.addObject().put("from", link.from()).put("to", link.to())
                    .put("forwardRssiDbm", link.forwardRssiDbm()).put("reverseRssiDbm", link.reverseRssiDbm())
                    .put("forwardPsr", link.forwardPsr()).put("reversePsr", link.reversePsr()).put("etx", link.etx())
                    .put("lastHeardAgeSeconds", link.lastHeardAgeSeconds()).put("preferred", link.preferred());
        }
        return topology;
    }

    /** The events of the last {@link #RECENT} before the latest, at most {@link #MOST_EVENTS}, oldest first. */
    ArrayNode events() {
        ArrayNode events = JSON.arrayNode();
        Optional<Instant> latest = store.latestEventAt();
        if (latest.isEmpty()) {
            return events;
        }
        List<SiteEvent> recent = new ArrayList<>(store.events(latest.get().minus(RECENT), latest.get().plusSeconds(1)));
        List<SiteEvent> kept = recent.subList(Math.max(0, recent.size() - MOST_EVENTS), recent.size());
        for (SiteEvent event : kept) {
            ObjectNode row = events.addObject().put("at", event.at().toString()).put("source", event.source())
                    .put("kind", event.kind().name());
            ObjectNode details = row.putObject("details");
            event.details().forEach(details::put);
            if (event.cause() != null) {
                row.putObject("cause").put("scenario", event.cause().scenario()).put("step", event.cause().step())
                        .put("kind", event.cause().kind());
            }
        }
        return events;
    }
}
