package io.gridside.sim;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.LedgerStore;
import io.gridside.billing.Rater;
import io.gridside.billing.Tick;
import io.gridside.link.message.PostReadings;
import io.gridside.sim.journal.GatewayJournal;
import io.gridside.site.Reading;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.DayType;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import io.gridside.site.tariff.TouBand;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A Nairobi customer billed by a gateway's journal under a time-of-use tariff, 10 cents per kWh but 40 from 18:00
 * to 22:00 on weekdays. From Monday 4 March 2024 the meter sends 300 Wh a quarter hour from 18:00 to 19:30 and
 * 100 Wh otherwise, until Tuesday 16:30; it is off the mesh until 19:30, when its reading closes the gap with a
 * rise of 1,200 Wh, which the gateway spreads by the customer's profile: 50 Wh in each of the six quarter hours
 * before 18:00 and 150 Wh in each of the six after (39 cents).
 */
final class ReadingIntakeFixture implements AutoCloseable {

    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    static final String METER = "M-1";
    static final String CUSTOMER = "C-1";
    /** Monday 4 March 2024, 00:00 in Nairobi. */
    static final Instant MONDAY = Instant.parse("2024-03-03T21:00:00Z");
    /** Tuesday 16:30 in Nairobi, where the gap starts. */
    static final Instant GAP_START = Instant.parse("2024-03-05T13:30:00Z");
    /** Tuesday 19:30 in Nairobi, the end of the reading that closes the gap. */
    static final Instant GAP_END = Instant.parse("2024-03-05T16:30:00Z");
    static final long GAP_RISE_WH = 1_200;

    final GatewayJournal journal;
    final BillingEngine engine;
    final ReadingIntake intake;
    /** The register at the gap's start. */
    final long openingWh;
    final Instant lastTick = GAP_END;

    ReadingIntakeFixture(Path directory) {
        journal = GatewayJournal.create(directory, List.of(METER), false);
        engine = new BillingEngine(new Tariff("test-kes", "KES", 0, 0, 5_000), new Rater(schedule(), NAIROBI,
                day -> false), LedgerStore.inMemory());
        engine.spreadingGaps(journal.readingHistory());
        engine.openAccount(CUSTOMER, METER, 100_000, MONDAY);
        long register = 0;
        for (Instant end = MONDAY.plus(Reading.INTERVAL); !end.isAfter(GAP_START); end = end.plus(Reading.INTERVAL)) {
            register += useWh(end);
            bill(new Reading(METER, end.minus(Reading.INTERVAL), useWh(end), register));
        }
        openingWh = register;
        bill(new Reading(METER, GAP_END.minus(Reading.INTERVAL), GAP_RISE_WH, register + GAP_RISE_WH));
        intake = new ReadingIntake(engine, journal, () -> journal.write(lastTick, List.of(), List.of(), List.of()));
    }

    /** The use of the quarter hour that ends at {@code end}: 300 Wh from 18:00 to 19:30, else 100 Wh. */
    static long useWh(Instant end) {
        int minuteOfDay = end.minus(Reading.INTERVAL).atZone(NAIROBI).toLocalTime().toSecondOfDay() / 60;
        return minuteOfDay >= 18 * 60 && minuteOfDay < 19 * 60 + 30 ? 300 : 100;
    }

    /** The register the meter held at {@code at}, before the gap. */
    static long registerAt(Instant at) {
        long register = 0;
        for (Instant end = MONDAY.plus(Reading.INTERVAL); !end.isAfter(at); end = end.plus(Reading.INTERVAL)) {
            register += useWh(end);
        }
        return register;
    }

    private void bill(Reading reading) {
        Tick tick = engine.tick(reading.intervalEnd(), List.of(), List.of(reading));
        journal.keepEstimates(tick.estimates());
        journal.write(reading.intervalStart(), List.of(reading), List.of(), List.of());
    }

    static TariffSchedule schedule() {
        long offPeak = 10 * 10_000L;
        long peak = 40 * 10_000L;
        List<TouBand> bands = List.of(
                new TouBand(DayType.WEEKDAY, "00:00", "18:00", offPeak),
                new TouBand(DayType.WEEKDAY, "18:00", "22:00", peak),
                new TouBand(DayType.WEEKDAY, "22:00", "24:00", offPeak),
                new TouBand(DayType.SATURDAY, "00:00", "24:00", offPeak),
                new TouBand(DayType.SUNDAY_OR_HOLIDAY, "00:00", "24:00", offPeak));
        return new TariffSchedule("test-kes", "KES", List.of(new TariffVersion(LocalDateTime.of(2024, 1, 1, 0, 0),
                "KES", List.of(new Block(null, 0, false)), Period.DAILY, bands, null, null, List.of(), null)));
    }

    /** An imported read of the register at {@code at}. */
    static PostReadings.Read imported(Instant at, long registerWh, int line) {
        return new PostReadings.Read(METER, at, registerWh, PostReadings.Origin.IMPORT, "reads.csv:" + line,
                "imported from the meter's optical port");
    }

    /** A register a technician gave on the exceptions queue. */
    static PostReadings.Read overridden(Instant at, long registerWh) {
        return new PostReadings.Read(METER, at, registerWh, PostReadings.Origin.OVERRIDDEN, "decision:7",
                "read off the meter's display");
    }

    /** The reads of every quarter hour inside the gap, each {@code energies} apart from the one before. */
    List<PostReadings.Read> gapReads(List<Long> energies) {
        List<PostReadings.Read> reads = new ArrayList<>();
        long register = openingWh;
        for (int i = 0; i < energies.size() - 1; i++) {
            register += energies.get(i);
            reads.add(imported(GAP_START.plus(Reading.INTERVAL.multipliedBy(i + 1)), register, i + 2));
        }
        return reads;
    }

    @Override
    public void close() {
        journal.closeAndDelete();
    }
}
