package io.gridside.billing;

import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.Tariff;
import io.gridside.site.TopUp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A small site whose gateway bills a random but repeatable history, one tick per quarter hour, as the gateway
 * firmware drives its engine.
 *
 * <p>Loads are random while a relay is on and nil while it is off; customers pay more often when low on
 * credit, at a random second of the interval; now and then a payment is delivered a second time, as mobile
 * money sometimes does. Each tick's inputs are shuffled, since the engine must not depend on their order.
 */
final class SiteScenario {

    private static final Instant DAY_START = Instant.parse("2024-03-05T00:00:00Z");

    final Tariff tariff;
    final BillingEngine gateway;
    final List<Meter> meters = new ArrayList<>();
    final List<Reading> readings = new ArrayList<>();
    final List<Tick> ticks = new ArrayList<>();
    final Instant start;

    private final Random random;
    private final long[] registerWh;
    private final List<TopUp> payments = new ArrayList<>();
    private Instant lastTick;

    private SiteScenario(long seed, int customers, CreditTerms terms) {
        random = new Random(seed);
        tariff = new Tariff("flat-kes", "KES", 500 + random.nextInt(4_500), random.nextInt(2_000),
                Fixtures.LOW_CREDIT);
        gateway = new BillingEngine(tariff, Fixtures.NAIROBI, LedgerStore.inMemory(), terms);
        start = Fixtures.quarters(DAY_START, random.nextInt(96));
        registerWh = new long[customers];
        lastTick = start;
        openAccounts(customers);
    }

    /** Opens the accounts of {@code customers} customers at one quarter hour of 5 March 2024. */
    static SiteScenario open(long seed, int customers) {
        return new SiteScenario(seed, customers, CreditTerms.PLAIN);
    }

    /** Opens the accounts under {@code terms}, and bills {@code days} days of quarter hours. */
    static SiteScenario run(long seed, int customers, int days, CreditTerms terms) {
        SiteScenario scenario = new SiteScenario(seed, customers, terms);
        scenario.tickFor(Duration.ofDays(days));
        return scenario;
    }

    /** Opens the accounts and bills {@code days} days of quarter hours. */
    static SiteScenario run(long seed, int customers, int days) {
        SiteScenario scenario = open(seed, customers);
        scenario.tickFor(Duration.ofDays(days));
        return scenario;
    }

    private void openAccounts(int customers) {
        for (int i = 0; i < customers; i++) {
            Meter meter = new Meter("M-" + i, "S-" + i, "C-" + i, "GW-1", -60 - random.nextInt(40));
            meters.add(meter);
            // Some customers start without credit, so that their first tick must cut them off.
            gateway.openAccount(meter.customerId(), meter.meterId(), random.nextInt(20_000) - 1_000, start);
        }
    }

    void tickFor(Duration duration) {
        Instant until = lastTick.plus(duration);
        while (lastTick.isBefore(until)) {
            tickOnce();
        }
    }

    /** Bills the next quarter hour and returns what it posted. */
    Tick tickOnce() {
        Instant end = lastTick.plus(Reading.INTERVAL);
        List<TopUp> topUps = paymentsBefore(end);
        List<Reading> batch = readingsEndingAt(end);
        Collections.shuffle(topUps, random);
        Collections.shuffle(batch, random);

        Tick tick = gateway.tick(end, topUps, batch);

        readings.addAll(batch);
        ticks.add(tick);
        lastTick = end;
        return tick;
    }

    private List<TopUp> paymentsBefore(Instant end) {
        List<TopUp> topUps = new ArrayList<>();
        for (Meter meter : meters) {
            boolean low = gateway.balance(meter.customerId()) < tariff.lowCreditMinor();
            if (random.nextInt(100) < (low ? 6 : 1)) {
                // A payment made during the interval that ends at this tick: after its start, at most at its end.
                Instant at = end.minusSeconds(random.nextInt((int) Reading.INTERVAL.toSeconds()));
                TopUp payment = new TopUp("MP-" + payments.size(), meter.customerId(), 500 + random.nextInt(20_000),
                        at);
                payments.add(payment);
                topUps.add(payment);
            }
        }
        if (!payments.isEmpty() && random.nextInt(100) < 3) {
            topUps.add(payments.get(random.nextInt(payments.size())));
        }
        return topUps;
    }

    private List<Reading> readingsEndingAt(Instant end) {
        List<Reading> batch = new ArrayList<>();
        for (int i = 0; i < meters.size(); i++) {
            Meter meter = meters.get(i);
            boolean on = gateway.relay(meter.customerId()) == RelayState.ON;
            long energyWh = on ? random.nextInt(700) : 0;
            registerWh[i] += energyWh;
            batch.add(new Reading(meter.meterId(), end.minus(Reading.INTERVAL), energyWh, registerWh[i]));
        }
        return batch;
    }
}
