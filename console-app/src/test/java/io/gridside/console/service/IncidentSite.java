package io.gridside.console.service;

import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EventKind;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import io.gridside.site.SiteInfo;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.outage.Diagnosis;
import io.gridside.site.outage.Evidence;
import io.gridside.site.outage.MeterSpan;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.OutageCause;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.EstimateStatus;
import io.gridside.site.vee.GapEstimate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small site database with one feeder outage, built by hand so that every figure of its review can be worked
 * out in a test: M-1 and M-2 on F1 lose supply from 18:00 to 19:00 UTC on 2 June (21:00 to 22:00 in Nairobi);
 * M-3 on F2 is held off by billing at the same time; each meter reads every quarter hour from 17:00 to 21:00
 * except while out; billing estimated M-1's gap, not M-2's.
 */
final class IncidentSite {

    static final SiteInfo SITE = new SiteInfo("SITE-7", "Kibera North", "KES", ZoneId.of("Africa/Nairobi"));
    static final Instant FROM = Instant.parse("2026-06-02T00:00:00Z");
    static final Instant TO = Instant.parse("2026-06-03T00:00:00Z");
    static final Instant OUT = Instant.parse("2026-06-02T18:00:00Z");
    static final Instant BACK = Instant.parse("2026-06-02T19:00:00Z");
    /** A name that must not become markup on the page. */
    static final String MARKUP_NAME = "Amina <b>& Sons</b>";
    /** A name that a spreadsheet would run as a formula. */
    static final String FORMULA_NAME = "=HYPERLINK(\"http://x\",\"y\")";

    private IncidentSite() {
    }

    static SiteStore create(Path file) {
        SiteStore store = SiteStore.open(file);
        store.saveSite(SITE, "GW-7");
        store.saveRoster(List.of(new Customer("C-1", MARKUP_NAME, CustomerCategory.HOUSEHOLD),
                new Customer("C-2", FORMULA_NAME, CustomerCategory.SHOP),
                new Customer("C-3", "Otieno, Grace", CustomerCategory.HOUSEHOLD)),
                List.of(new Meter("M-1", "S-1", "C-1", "GW-7", -70), new Meter("M-2", "S-2", "C-2", "GW-7", -72),
                        new Meter("M-3", "S-3", "C-3", "GW-7", -75)));
        store.saveFeeders(Map.of("M-1", "F1", "M-2", "F1", "M-3", "F2"));
        store.insertTopology(new TopologySnapshot(Instant.parse("2026-06-01T12:00:00Z"), "GW-7",
                List.of(new TopologySnapshot.Node("GW-7", -1.29, 36.82, 0, 256, null, List.of()),
                        new TopologySnapshot.Node("M-1", -1.291, 36.82, 1, 384, "GW-7", List.of()),
                        new TopologySnapshot.Node("M-2", -1.292, 36.82, 2, 512, "M-1", List.of())),
                List.of()));
        store.insertReadings(readings());
        store.saveEstimates(List.of(new GapEstimate("M-1", OUT, 1040, 1050, EstimateMethod.PROFILE,
                EstimateStatus.ESTIMATED, List.of(0L, 0L, 0L, 10L))));
        store.insertEvents(events());
        return store;
    }

    /** Every meter's quarter hours from 17:00 to 21:00, 10 Wh each, but for M-1's and M-2's hour out. */
    private static List<Reading> readings() {
        List<Reading> readings = new ArrayList<>();
        for (String meter : List.of("M-1", "M-2", "M-3")) {
            long register = 1000;
            for (Instant at = OUT.minus(Duration.ofHours(1)); at.isBefore(BACK.plus(Duration.ofHours(2)));
                    at = at.plus(Reading.INTERVAL)) {
                boolean out = !meter.equals("M-3") && !at.isBefore(OUT) && at.isBefore(BACK);
                if (!out) {
                    register += 10;
                    readings.add(new Reading(meter, at, 10, register));
                }
            }
        }
        return readings;
    }

    /** A power loss of M-1 the day before (the lead-in), then the outage and M-3's relay held off by billing. */
    private static List<SiteEvent> events() {
        return List.of(event(1, Instant.parse("2026-06-01T20:00:00Z"), "M-1", EventKind.POWER_LOSS, "lastGasp", "true"),
                event(2, Instant.parse("2026-06-01T20:10:00Z"), "M-1", EventKind.POWER_RESTORE, null, null),
                event(3, OUT, "M-1", EventKind.POWER_LOSS, "lastGasp", "true"),
                event(4, OUT.plusSeconds(1), "M-2", EventKind.POWER_LOSS, "lastGasp", "true"),
                event(5, OUT.plusSeconds(2), "M-3", EventKind.RELAY_OFF, "reason", "billing"),
                event(6, BACK, "M-1", EventKind.POWER_RESTORE, null, null),
                event(7, BACK.plusSeconds(3), "M-2", EventKind.POWER_RESTORE, null, null));
    }

    private static SiteEvent event(long id, Instant at, String source, EventKind kind, String key, String value) {
        TreeMap<String, String> details = new TreeMap<>();
        if (key != null) {
            details.put(key, value);
        }
        return new SiteEvent(id, at, source, kind, details, null);
    }

    /** The diagnosis of the window as a diagnoser should give it. */
    static Diagnosis diagnosis() {
        Outage outage = new Outage("O-20260602-2100-1", OutageCause.POWER, OUT, BACK.plusSeconds(3),
                List.of(new MeterSpan("M-1", OUT, BACK, true, true),
                        new MeterSpan("M-2", OUT.plusSeconds(1), BACK.plusSeconds(3), true, true)),
                List.of("F1"),
                List.of(new Evidence("2 of 2 meters on F1 sent a last gasp within 2 s", List.of(3L, 4L))),
                List.of(new Outage.Competing(OutageCause.GENERATOR, "no plant event, but <the> plant log is empty")),
                List.of(3L, 4L, 6L, 7L));
        return new Diagnosis(FROM, TO, List.of(outage), List.of("M-3"));
    }
}
