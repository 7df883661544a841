package io.gridside.sim;

import io.gridside.billing.BillingEngine;
import io.gridside.site.Customer;
import io.gridside.site.Reading;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a commissioned site begins to bill at go-live: each customer on the tariff of the operator's pack they were
 * given, from the moment of go-live, and the meters no customer was given not at all.
 *
 * <p>Billing starts at the go-live instant itself, not at the quarter hour before: the opening balances are dated
 * then, and the first reading billed is that of the first quarter hour that begins at or after it. A meter's
 * reading covers a whole quarter hour and cannot say how much of it was drawn before go-live, so the energy of the
 * quarter hour go-live falls in is left unbilled rather than guessed at (at most 15 minutes of each meter's energy,
 * drawn while the technician was still on site); the meter's register moves on from it.
 *
 * @param tariffs the tariffs of the operator's pack, by id
 * @param tariffOfCustomer each commissioned customer's tariff id
 * @param liveAt the moment the site went live, to the second
 */
public record GoLiveBilling(Map<String, TariffSchedule> tariffs, Map<String, String> tariffOfCustomer,
        Instant liveAt) {

    public GoLiveBilling {
        tariffs = Map.copyOf(tariffs);
        tariffOfCustomer = Map.copyOf(new TreeMap<>(tariffOfCustomer));
        Objects.requireNonNull(liveAt, "liveAt");
    }

    /** The tariff of the customer who comes first in customer id order: the site's default schedule. */
    TariffSchedule defaultSchedule() {
        return tariffs.get(new TreeMap<>(tariffOfCustomer).firstEntry().getValue());
    }

    /**
     * Opens the accounts the site starts with: every customer's at {@code historyStart} on a generated site; on a
     * commissioned one each commissioned customer's at go-live, leaving the places of uncommissioned meters free
     * (no account, no ledger line, no status), as after a move-out, and passing over the readings of the quarter
     * hour go-live fell in.
     */
    static void openAccounts(SiteSpec spec, SiteLayout layout, Places places, BillingEngine engine,
            Instant historyStart) {
        GoLiveBilling goLive = spec.billing().goLive();
        for (int i = 0; i < spec.meters(); i++) {
            Customer customer = layout.customers().get(i);
            if (goLive == null) {
                engine.openAccount(customer.customerId(), layout.meters().get(i).meterId(), layout.openingMinor()[i],
                        historyStart);
            } else if (CommissionedSite.spare(customer)) {
                places.occupants[i] = null;
                places.customerIds.remove(customer.customerId());
            } else {
                engine.openAccount(customer.customerId(), layout.meters().get(i).meterId(), layout.openingMinor()[i],
                        goLive.liveAt());
                places.unsettled[i] = !goLive.liveAt().equals(Reading.intervalStartOf(goLive.liveAt()));
            }
        }
    }
}
