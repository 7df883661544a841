package io.gridside.sim;

import io.gridside.site.SiteEvent;
import io.gridside.site.history.DayDigest;
import io.gridside.site.ledger.LedgerDayDigest;
import io.gridside.sim.rf.MeshTimeline;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What the simulated gateway answers by site day: the digests of its ledger by customer day (through its
 * {@link LedgerCorrections}, which also plants a misrating for training), and the digests and mesh documents of its
 * history (through {@link HistoryDays}, made when a console first asks). The gateway calls it with its site brought
 * up to its clock.
 */
final class GatewayDays {

    private final LedgerCorrections corrections;
    private final MeshTimeline mesh;
    private final ZoneId zone;
    private final Instant historyStart;
    private final BiFunction<Instant, Instant, List<SiteEvent>> events;
    private HistoryDays historyDays;

    GatewayDays(LedgerCorrections corrections, MeshTimeline mesh, ZoneId zone, Instant historyStart,
            BiFunction<Instant, Instant, List<SiteEvent>> events) {
        this.corrections = corrections;
        this.mesh = mesh;
        this.zone = zone;
        this.historyStart = historyStart;
        this.events = events;
    }

    /** The digests of the ledger by customer day from {@code from} to {@code to}; see {@link LedgerCorrections}. */
    List<LedgerDayDigest> ledgerDayDigests(LocalDate from, LocalDate to) {
        return corrections.digests(from, to);
    }

    /** Plants a fault for tests: bills the meter's next reading of {@code day} {@code extraWh} heavier, once. */
    void misrate(String meterId, LocalDate day, long extraWh) {
        corrections.misrate(meterId, day, extraWh);
    }

    /** The digests of the site days from {@code from} to {@code to} by the gateway's {@code clock}. */
    List<DayDigest> dayDigests(LocalDate from, LocalDate to, Instant clock) {
        return historyDays().digests(from, to, clock);
    }

    /** One site day's mesh history document, replayed from the mesh's timeline. */
    byte[] meshDay(LocalDate day, Instant clock) {
        return historyDays().meshDocument(day, clock);
    }

    private HistoryDays historyDays() {
        if (historyDays == null) {
            historyDays = new HistoryDays(mesh, zone, historyStart, events::apply);
        }
        return historyDays;
    }
}
