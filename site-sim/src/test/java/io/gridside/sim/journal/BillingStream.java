package io.gridside.sim.journal;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.CreditTerms;
import io.gridside.billing.LedgerStore;
import io.gridside.billing.Rater;
import io.gridside.site.Reading;
import io.gridside.site.Tariff;
import io.gridside.site.TopUp;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A seeded stream of a small site's readings and payments, the same in every process that builds it: what the
 * billing process of the kill test rates into its journal, and what the test checks the journal against.
 *
 * <p>Each meter reads every quarter hour, 0 to 119 Wh, from midnight to midnight, site time (Nairobi). About one
 * quarter hour in a hundred a customer pays KES 50.00, and the payment of the quarter hour before arrives a second
 * time, as a payment retried by a mobile-money provider does.
 */
record BillingStream(long seed, int meters, int days) {

    static final ZoneId ZONE = ZoneId.of("Africa/Nairobi");
    /** KES 25.00 a kWh (2.5 cents a Wh), KES 3.00 a day, low credit under KES 50.00. */
    static final Tariff TARIFF = new Tariff("flat-kes", "KES", 2_500, 300, 5_000);
    static final long OPENING_MINOR = 20_000;
    static final long PAYMENT_MINOR = 5_000;
    private static final int PAYS_ONE_IN = 97;

    Instant start() {
        return LocalDateTime.of(2026, 3, 2, 0, 0).atZone(ZONE).toInstant();
    }

    /** The last tick: local midnight, which posts everything accrued, {@code days} after the start. */
    Instant end() {
        return start().plus(Reading.INTERVAL.multipliedBy(96L * days));
    }

    String meterId(int i) {
        return String.format(Locale.ROOT, "M-%03d", i);
    }

    String customerId(int i) {
        return String.format(Locale.ROOT, "C-%03d", i);
    }

    List<String> meterIds() {
        return IntStream.range(0, meters).mapToObj(this::meterId).toList();
    }

    Rater rater() {
        return new Rater(TariffSchedule.flat(TARIFF), ZONE, day -> false);
    }

    /** A new engine with every account opened at the start. */
    BillingEngine openedEngine(LedgerStore ledger) {
        BillingEngine engine = new BillingEngine(TARIFF, rater(), ledger, CreditTerms.PLAIN);
        for (int i = 0; i < meters; i++) {
            engine.openAccount(customerId(i), meterId(i), OPENING_MINOR, start());
        }
        return engine;
    }

    /** The readings of the quarter hour that ends at {@code end}, one per meter. */
    List<Reading> readings(Instant end) {
        List<Reading> readings = new ArrayList<>(meters);
        Instant start = end.minus(Reading.INTERVAL);
        for (int i = 0; i < meters; i++) {
            long wh = random(i, end, 1).nextInt(120);
            readings.add(new Reading(meterId(i), start, wh, wh));
        }
        return readings;
    }

    /** The payments that arrive in the quarter hour that ends at {@code end}: its own and the last one again. */
    List<TopUp> topUps(Instant end) {
        List<TopUp> topUps = new ArrayList<>();
        for (int i = 0; i < meters; i++) {
            paymentOf(i, end).ifPresent(topUps::add);
            paymentOf(i, end.minus(Reading.INTERVAL)).ifPresent(topUps::add);
        }
        return topUps;
    }

    /** Every distinct payment made up to and including the quarter hour that ends at {@code last}. */
    List<TopUp> paymentsUpTo(Instant last) {
        List<TopUp> payments = new ArrayList<>();
        for (Instant end = start().plus(Reading.INTERVAL); !end.isAfter(last); end = end.plus(Reading.INTERVAL)) {
            for (int i = 0; i < meters; i++) {
                paymentOf(i, end).ifPresent(payments::add);
            }
        }
        return payments;
    }

    private Optional<TopUp> paymentOf(int i, Instant end) {
        if (!end.isAfter(start()) || random(i, end, 2).nextInt(PAYS_ONE_IN) != 0) {
            return Optional.empty();
        }
        Instant at = end.minusSeconds(60 + random(i, end, 3).nextInt(780));
        return Optional.of(new TopUp("PAY-" + i + "-" + end.getEpochSecond(), customerId(i),
                PAYMENT_MINOR, at));
    }

    private SplittableRandom random(int meter, Instant end, int purpose) {
        return new SplittableRandom(seed * 1_000_003L + meter * 7_919L + end.getEpochSecond() * 31L + purpose);
    }
}
