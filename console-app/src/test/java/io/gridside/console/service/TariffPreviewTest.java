package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.billing.CreditTerms;
import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.DayType;
import io.gridside.site.tariff.InvalidTariffException;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.StandingCharge;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import io.gridside.site.tariff.TouBand;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A month's bill under the site's tariff and a proposed version, worked by hand in Nairobi (UTC+3). */
class TariffPreviewTest {

    private static final SiteInfo SITE = new SiteInfo("S-1", "Test site", "KES", ZoneId.of("Africa/Nairobi"));
    private static final YearMonth JUNE = YearMonth.of(2026, 6);

    /**
     * The site's tariff since January: a lifeline block of 1 kWh a month at KES 10.00/kWh (10,000,000 price
     * units), then KES 25.00/kWh; KES 5.00 standing a day; a minimum of KES 25.00 a month; VAT 16% of the energy;
     * a levy of KES 0.0333/kWh (33,300 price units).
     */
    private static final TariffVersion SITE_VERSION = new TariffVersion(LocalDateTime.of(2026, 1, 1, 0, 0), "KES",
            List.of(new Block(1_000L, 10_000_000, true), new Block(null, 25_000_000, false)), Period.MONTHLY,
            List.of(), new StandingCharge(Period.DAILY, 500, null), 2_500L,
            List.of(new ChargeLine("VAT", ChargeLine.Kind.TAX, 1_600L, null),
                    new ChargeLine("REA", ChargeLine.Kind.LEVY, null, 33_300L)), null);

    @TempDir
    Path dir;

    private Path database;

    /**
     * M-1 of C-1 reads 600 Wh on June 1 at 10:00, 700 Wh on June 2 at 10:00 and 100 Wh on June 30 at 23:45, site
     * time; its 999 Wh of May 31 at 23:45 and 999 Wh of July 1 at 00:00 belong to other months.
     */
    @BeforeEach
    void site() {
        database = dir.resolve("site.db");
        byte[] document = BillingConfigDocument.encode(new BillingConfig(
                new TariffSchedule("village", "KES", List.of(SITE_VERSION)), CreditTerms.PLAIN));
        try (SiteStore store = SiteStore.open(database)) {
            store.saveSite(SITE, "GW-1");
            store.saveRoster(List.of(new Customer("C-1", "Amina", CustomerCategory.HOUSEHOLD)),
                    List.of(new Meter("M-1", "S-1", "C-1", "GW-1", -70)));
            store.saveBillingConfig(BillingConfigDocument.digest(document), document, Instant.EPOCH);
            store.insertReadings(List.of(
                    reading("2026-05-31T20:45:00Z", 999, 999),
                    reading("2026-06-01T07:00:00Z", 600, 1_599),
                    reading("2026-06-02T07:00:00Z", 700, 2_299),
                    reading("2026-06-30T20:45:00Z", 100, 2_399),
                    reading("2026-06-30T21:00:00Z", 999, 3_398)));
        }
    }

    /**
     * Under the site's tariff: the first 1,000 Wh at KES 10.00 (June 1's 600 and 400 of June 2's), the other
     * 400 Wh at KES 25.00. Posted day by day: June 1 600 x 10 = 6.00, June 2 4.00 + 300 x 25 = 11.50, June 30
     * 2.50; energy KES 20.00. VAT: 0.96 + 1.84 + 0.40 = KES 3.20. Levy: June 1 600 x 0.0333 = 1.998 posts 0.01 and
     * keeps 0.00998; June 2 2.331 + 0.998 = 3.329 posts 0.03, keeps 0.00329; June 30 0.333 + 0.329 = 0.662 posts
     * nothing: KES 0.04. Standing 30 x 5.00 = 150.00. Energy 20.00 is short of the minimum by KES 5.00.
     * Total 20.00 + 150.00 + 5.00 + 3.20 + 0.04 = KES 178.24.
     *
     * <p>With the upper block at KES 26.00: June 2 4.00 + 7.80 = 11.80, June 30 2.60, energy KES 20.40. VAT 0.96,
     * then 1.888 posts 1.88 and keeps 0.008, then 0.416 + 0.008 = 0.424 posts 0.42: KES 3.26. The minimum tops up
     * KES 4.60. Total 20.40 + 150.00 + 4.60 + 3.26 + 0.04 = KES 178.30: KES 0.06 more, though the energy rose
     * KES 0.40, since the minimum charge takes back what the energy added.
     */
    @Test
    void billsTheMonthLineByLineUnderBothTariffs() {
        TariffPreview.Preview preview;
        try (SiteStore store = SiteStore.openExisting(database)) {
            TariffPreview source = TariffPreview.of(store);
            List<Reading> readings = source.readings(store, "C-1");
            assertThat(source.months(readings)).containsExactly(YearMonth.of(2026, 5), JUNE, YearMonth.of(2026, 7));
            preview = source.preview(upperBlockAt(26_000_000), "C-1", JUNE, readings);
        }

        assertThat(preview.current().energyWh()).isEqualTo(1_400);
        assertThat(preview.current().totalMinor()).isEqualTo(17_824);
        assertThat(preview.proposed().totalMinor()).isEqualTo(17_830);
        assertThat(preview.differenceMinor()).isEqualTo(6);
        assertThat(preview.rows()).extracting(r -> r.kind() + " " + r.currentUnits() + " " + r.proposedUnits())
                .containsExactly(
                        "ENERGY_PART 10000000000 10000000000",
                        "ENERGY_PART 10000000000 10400000000",
                        "ENERGY 2000 2040",
                        "STANDING 15000 15000",
                        "TAX 320 326",
                        "LEVY 4 4",
                        "MINIMUM 500 460",
                        "TOTAL 17824 17830");
        TariffPreview.Row upper = preview.rows().get(1);
        assertThat(upper.currentWh()).isEqualTo(400);
        assertThat(upper.proposedWh()).isEqualTo(400);
        assertThat(upper.currentPrice()).isEqualTo(25_000_000);
        assertThat(upper.proposedPrice()).isEqualTo(26_000_000);
        assertThat(TariffUnits.exactCharge(upper.differenceUnits(), "KES")).isEqualTo("0.40");
    }

    /**
     * Pulled on June 2 at 15:00 site time, June is billed to June 2: standing 2 x 5.00 = 10.00, energy 6.00 +
     * 11.50 = 17.50, VAT 0.96 + 1.84 = 2.80, levy 0.01 + 0.03 = 0.04, and no minimum charge, not due before July:
     * KES 30.34.
     */
    @Test
    void billsAMonthUnderWayToTheDayThePullReachedWithoutItsMinimumCharge() {
        TariffPreview.Preview preview;
        try (SiteStore store = SiteStore.openExisting(database)) {
            store.setPulledGatewayClock(Instant.parse("2026-06-02T12:00:00Z"));
            TariffPreview source = TariffPreview.of(store);
            preview = source.preview(SITE_VERSION, "C-1", JUNE, source.readings(store, "C-1"));
        }

        assertThat(preview.current().lastDay()).isEqualTo(JUNE.atDay(2));
        assertThat(preview.current().energyWh()).isEqualTo(1_300);
        assertThat(preview.rows()).extracting(r -> r.kind() + " " + r.currentUnits())
                .containsExactly("ENERGY_PART 10000000000", "ENERGY_PART 7500000000", "ENERGY 1750",
                        "STANDING 1000", "TAX 280", "LEVY 4", "TOTAL 3034");
        assertThat(preview.differenceMinor()).isZero();
    }

    /**
     * Bands on the proposed version split the upper block by the hour: June 2's 10:00 on a Tuesday falls in the
     * day band (+KES 2.00), June 30's 23:45 in the night band (+0); the lifeline block takes no band.
     */
    @Test
    void splitsTheEnergyByBandOnAProposedTimeOfUseVersion() {
        List<TouBand> bands = List.of(new TouBand(DayType.WEEKDAY, "00:00", "06:00", 0),
                new TouBand(DayType.WEEKDAY, "06:00", "22:00", 2_000_000),
                new TouBand(DayType.WEEKDAY, "22:00", "24:00", 0),
                new TouBand(DayType.SATURDAY, "00:00", "24:00", 0),
                new TouBand(DayType.SUNDAY_OR_HOLIDAY, "00:00", "24:00", 0));
        TariffVersion timeOfUse = new TariffVersion(SITE_VERSION.effectiveFrom(), "KES", SITE_VERSION.blocks(),
                Period.MONTHLY, bands, SITE_VERSION.standing(), null, List.of(), null);

        TariffPreview.Preview preview;
        try (SiteStore store = SiteStore.openExisting(database)) {
            TariffPreview source = TariffPreview.of(store);
            preview = source.preview(timeOfUse, "C-1", JUNE, source.readings(store, "C-1"));
        }

        // 300 Wh at 25.00 + 2.00 = 8.10 and 100 Wh at 25.00 = 2.50 beside the lifeline's 10.00: KES 20.60.
        assertThat(preview.rows()).filteredOn(r -> r.kind() == TariffPreview.Row.Kind.ENERGY_PART)
                .extracting(r -> r.block() + " " + (r.band() == null ? "-" : r.band().from()) + " " + r.proposedWh())
                .containsExactly("0 - 1000", "1 - null", "1 06:00 300", "1 22:00 100");
        assertThat(preview.proposed().charged(io.gridside.billing.rerate.LineKey.ENERGY)).isEqualTo(2_060);
        assertThat(preview.proposed().totalMinor()).isEqualTo(2_060 + 15_000);
    }

    @Test
    void refusesAnInvalidProposedVersionNamingTheField() {
        TariffVersion overlapping = new TariffVersion(SITE_VERSION.effectiveFrom(), "KES", SITE_VERSION.blocks(),
                Period.MONTHLY, List.of(new TouBand(DayType.WEEKDAY, "00:00", "25:00", 0)), null, null, List.of(),
                null);

        try (SiteStore store = SiteStore.openExisting(database)) {
            TariffPreview source = TariffPreview.of(store);
            assertThatThrownBy(() -> source.preview(overlapping, "C-1", JUNE, List.of()))
                    .isInstanceOfSatisfying(InvalidTariffException.class, e -> assertThat(e.problems())
                            .anySatisfy(p -> assertThat(p.field()).isEqualTo("versions[0].tou[0].to")));
        }
    }

    private static TariffVersion upperBlockAt(long price) {
        return new TariffVersion(LocalDateTime.of(2026, 7, 1, 0, 0), "KES",
                List.of(SITE_VERSION.blocks().get(0), new Block(null, price, false)), Period.MONTHLY, List.of(),
                SITE_VERSION.standing(), SITE_VERSION.minimumMonthlyMinor(), SITE_VERSION.charges(), null);
    }

    private static Reading reading(String start, long energyWh, long registerWh) {
        return new Reading("M-1", Instant.parse(start), energyWh, registerWh);
    }
}
