package io.gridside.sim;

import io.gridside.billing.BillingEngine;
import io.gridside.site.TopUp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The simulated site's payments that reach the gateway by themselves: customers who are low on credit pay at a
 * shop or by mobile money during the day, each at their pace, drawn from the site's seed so that a history is
 * the same every time it is made.
 */
final class MobileMoney {

    private static final long[] TOP_UP_MINOR = {10_000, 20_000, 50_000, 100_000};

    private final SiteSpec spec;
    private final SiteLayout layout;
    private final Places places;
    private final BillingEngine engine;
    /** Whether cash a technician took already holds a reference; such a payment is not made, so the receipt stands. */
    private final Predicate<String> heldByCash;

    MobileMoney(SiteSpec spec, SiteLayout layout, Places places, BillingEngine engine, Predicate<String> heldByCash) {
        this.spec = spec;
        this.layout = layout;
        this.places = places;
        this.engine = engine;
        this.heldByCash = heldByCash;
    }

    /** The payments made in the quarter hour {@code interval} that starts at {@code start} ({@code local} there). */
    List<TopUp> payments(Instant start, LocalDateTime local, long interval) {
        if (local.getHour() < 7 || local.getHour() >= 21) {
            return List.of();
        }
        List<TopUp> topUps = new ArrayList<>();
        for (int i = 0; i < spec.meters(); i++) {
            if (places.occupants[i] == null) {
                continue;
            }
            String customerId = places.occupants[i].customerId();
            boolean low = engine.balance(customerId) < layout.tariff().lowCreditMinor();
            if (low && Noise.unit(spec.seed(), i, interval, 91) < layout.payRate()[i]) {
                long amount = TOP_UP_MINOR[(int) Long.remainderUnsigned(Noise.hash(spec.seed(), i, interval, 92),
                        TOP_UP_MINOR.length)];
                String reference = String.format(Locale.ROOT, "MP%012X", Noise.hash(spec.seed(), i, interval, 93)
                        & 0xFFFFFFFFFFFFL);
                Instant at = start.plusSeconds((long) Noise.between(60, 840, spec.seed(), i, interval, 94));
                if (!heldByCash.test(reference)) {
                    topUps.add(new TopUp(reference, customerId, amount, at));
                }
            }
        }
        return topUps;
    }
}
