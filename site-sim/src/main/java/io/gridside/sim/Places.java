package io.gridside.sim;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.vee.MeterRating;
import io.gridside.link.server.SiteChangeRefusedException;
import io.gridside.site.Customer;
import io.gridside.site.Meter;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.sim.mesh.Uplink;
import io.gridside.sim.rf.MeshNetwork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated site's places: where each meter stands, on its feeder and in the mesh, with the meter in it now,
 * the customer it bills and its registers. A place keeps its index for the site's life; a meter exchange puts a
 * new meter in it, and a move-out leaves it free until a move-in. Not thread-safe: the gateway holds its lock.
 */
final class Places {

    /** Every meter's place, by id: a meter an exchange put in, and the one it replaced, both keep theirs. */
    final Map<String, Integer> meterIndex = new HashMap<>();
    /** The meter in each place now. */
    final String[] meterIds;
    /** The customer each place's meter bills now, or null while a move-out has left it free. */
    final Customer[] occupants;
    /** Every customer the site has had an account for, so that a move-in cannot take an id twice. */
    final Set<String> customerIds = new HashSet<>();
    /** Each place's register as the meter counts it, exactly. */
    final double[] exactRegisterWh;
    /** The register of the last reading the gateway billed for each place, and that reading's end. */
    final long[] billedRegisterWh;
    final Instant[] lastReadingEnd;
    /**
     * Whether a place's next reading began under a customer who moved out without a final register: its energy is
     * nobody's, not the next occupant's, since no register says how much of it was drawn before the move-out.
     */
    final boolean[] unsettled;
    /**
     * A read of a place's register within the quarter hour under way (see {@link RegisterReads}): the quarter
     * hour's start, or null when none was read in it; the exact register at that start; the mean power the read
     * counted at; and the share of the quarter hour it counted.
     */
    private final Instant[] readInterval;
    private final double[] readBaseWh;
    private final double[] readWatts;
    private final double[] readShare;
    /** The last readings an exchange or a move-out billed between ticks, which the next tick's journal keeps. */
    final List<Reading> finalReadings = new ArrayList<>();
    private final SiteLayout layout;

    Places(SiteLayout layout) {
        this.layout = layout;
        int meters = layout.meters().size();
        this.meterIds = new String[meters];
        this.occupants = new Customer[meters];
        this.exactRegisterWh = new double[meters];
        this.billedRegisterWh = new long[meters];
        this.lastReadingEnd = new Instant[meters];
        this.unsettled = new boolean[meters];
        this.readInterval = new Instant[meters];
        this.readBaseWh = new double[meters];
        this.readWatts = new double[meters];
        this.readShare = new double[meters];
        for (int i = 0; i < meters; i++) {
            meterIds[i] = layout.meters().get(i).meterId();
            occupants[i] = layout.customers().get(i);
            meterIndex.put(meterIds[i], i);
            customerIds.add(occupants[i].customerId());
        }
    }

    /**
     * The readings to bill at {@code end}: those served on time, in meter order, each its register's advance. A
     * reading whose advance spans intervals the gateway missed carries no quality: its meter measured the voltage
     * and peak of its own interval alone, not of all the energy billed with it.
     *
     * @param historyStart where the site's history begins, which a meter's first reading bills from
     */
    List<Reading> billable(List<Uplink.IntervalRead> served, Instant end, Instant historyStart) {
        List<Reading> batch = new ArrayList<>(served.size());
        served.stream().sorted(Comparator.comparing(read -> meterIndex.get(read.meterId()))).forEach(read -> {
            int index = meterIndex.get(read.meterId());
            if (passOverFree(index, read.registerWh(), end)) {
                return;
            }
            long energy = read.registerWh() - billedRegisterWh[index];
            Instant lastEnd = lastReadingEnd[index];
            Instant billedUpTo = lastEnd == null ? historyStart : lastEnd;
            Reading.Quality quality = billedUpTo.equals(read.intervalStart()) ? read.quality() : null;
            billedRegisterWh[index] = read.registerWh();
            lastReadingEnd[index] = end;
            batch.add(new Reading(read.meterId(), read.intervalStart(), energy, read.registerWh(), quality));
        });
        return batch;
    }

    /**
     * The place's register read {@code share} of the way through the quarter hour from {@code start}, with its
     * meter drawing {@code meanWatts} through it: what it counted at the start and that share of the quarter
     * hour's energy. The register counts it at once, never goes back, and {@link #drawQuarterHour} counts the
     * rest of the quarter hour.
     */
    long readWithin(int index, Instant start, double meanWatts, double share) {
        if (!start.equals(readInterval[index])) {
            readInterval[index] = start;
            readBaseWh[index] = exactRegisterWh[index];
        }
        readWatts[index] = meanWatts;
        readShare[index] = share;
        double read = readBaseWh[index] + meanWatts * share * Reading.INTERVAL.toMinutes() / 60.0;
        exactRegisterWh[index] = Math.max(exactRegisterWh[index], read);
        return (long) Math.floor(exactRegisterWh[index]);
    }

    /**
     * Counts the quarter hour from {@code start} on the place's register, its meter drawing {@code meanWatts}
     * through it, and returns the register as the meter sends it. When the register was read within the quarter
     * hour at another power (a relay opened after a move-out), the share before the read is counted at the power
     * then and the rest at {@code meanWatts}: the read's share and the rest add up to the quarter hour's energy,
     * and at one power throughout the register ends where it would have without the read.
     */
    long drawQuarterHour(int index, Instant start, double meanWatts) {
        double minutes = Reading.INTERVAL.toMinutes();
        if (start.equals(readInterval[index])) {
            readInterval[index] = null;
            double end = readBaseWh[index] + meanWatts * minutes / 60.0
                    + (readWatts[index] - meanWatts) * readShare[index] * minutes / 60.0;
            exactRegisterWh[index] = Math.max(exactRegisterWh[index], end);
        } else {
            exactRegisterWh[index] += meanWatts * minutes / 60.0;
        }
        return (long) Math.floor(exactRegisterWh[index]);
    }

    /** Forgets a read within the quarter hour under way, as a meter exchange puts another meter in the place. */
    void forgetRead(int index) {
        readInterval[index] = null;
    }

    /** The meter in place {@code index} now, as the roster gives it: an exchanged meter's serial is its id. */
    Meter meterAt(int index) {
        Meter first = layout.meters().get(index);
        String serial = first.meterId().equals(meterIds[index]) ? first.serial() : meterIds[index];
        return new Meter(meterIds[index], serial, occupants[index].customerId(), first.parentId(), first.rssiDbm());
    }

    /** The id the place's radio has in the mesh: its first meter's, which an exchange does not change. */
    String radioId(int index) {
        return layout.meters().get(index).meterId();
    }

    /** The customer billed now with id {@code customerId} or by meter {@code meterId}, or null. */
    String customerOf(String customerId, String meterId) {
        for (int i = 0; i < occupants.length; i++) {
            if (occupants[i] != null && (occupants[i].customerId().equals(customerId)
                    || meterIds[i].equals(meterId))) {
                return occupants[i].customerId();
            }
        }
        return null;
    }

    /**
     * Whether the place is free, or its reading began before a move-out without a final register, so that the
     * reading bills no one: the register's rise while it is free is nobody's, and the next account is billed from
     * after it.
     */
    boolean passOverFree(int index, long registerWh, Instant end) {
        if (occupants[index] != null && !unsettled[index]) {
            return false;
        }
        unsettled[index] = false;
        billedRegisterWh[index] = registerWh;
        lastReadingEnd[index] = end;
        return true;
    }

    /** The readings a tick keeps in the journal: those billed between ticks since the last, then its own. */
    List<Reading> journalled(List<Reading> batch) {
        if (finalReadings.isEmpty()) {
            return batch;
        }
        List<Reading> all = new ArrayList<>(finalReadings);
        all.addAll(batch);
        finalReadings.clear();
        return all;
    }

    /** The place of a meter in service on the site. */
    int placeOf(String meterId) throws SiteChangeRefusedException {
        Integer index = meterIndex.get(meterId);
        if (index == null || !meterIds[index].equals(meterId)) {
            throw new SiteChangeRefusedException("METER_UNKNOWN", "The site has no meter " + meterId
                    + " in service; check the id on the meter's label.");
        }
        return index;
    }

    /** The customer the place's meter bills. */
    Customer occupantOf(int index) throws SiteChangeRefusedException {
        if (occupants[index] == null) {
            throw new SiteChangeRefusedException("METER_FREE", "Meter " + meterIds[index] + " bills no customer "
                    + "since a move-out; move a customer in before exchanging it.");
        }
        return occupants[index];
    }

    /** The place whose meter bills the customer. */
    int placeOfCustomer(String customerId) throws SiteChangeRefusedException {
        for (int i = 0; i < occupants.length; i++) {
            if (occupants[i] != null && occupants[i].customerId().equals(customerId)) {
                return i;
            }
        }
        if (customerIds.contains(customerId)) {
            throw new SiteChangeRefusedException("ACCOUNT_CLOSED", "Customer " + customerId
                    + " has moved out already; the account is closed.");
        }
        throw new SiteChangeRefusedException("CUSTOMER_UNKNOWN", "Customer " + customerId
                + " has no account on this site.");
    }

    /** The place's last energy up to {@code registerWh}, which must not be below the register billed last. */
    Reading finalReading(int index, long registerWh, Instant at, String what) throws SiteChangeRefusedException {
        long billed = billedRegisterWh[index];
        if (registerWh < billed) {
            throw new SiteChangeRefusedException("REGISTER_BELOW_BILLED", "The " + what + " of " + registerWh
                    + " Wh is below the " + billed + " Wh the gateway last billed meter " + meterIds[index]
                    + " to; read the display again.");
        }
        if (lastReadingEnd[index] != null && !lastReadingEnd[index].isAfter(at)) {
            // A quarter hour beyond the time since the last billed reading allows for the display read a little
            // before or after the gateway's clock says.
            long most = MeterRating.DEFAULT.maxWh(Duration.between(lastReadingEnd[index], at).plus(Reading.INTERVAL));
            if (registerWh - billed > most) {
                throw new SiteChangeRefusedException("REGISTER_IMPLAUSIBLE", "The " + what + " of " + registerWh
                        + " Wh is " + (registerWh - billed) + " Wh above the " + billed + " Wh last billed at "
                        + lastReadingEnd[index] + ", more than meter " + meterIds[index] + " can pass since then ("
                        + most + " Wh); read the display again.");
            }
        }
        return new Reading(meterIds[index], Reading.intervalStartOf(at), registerWh - billed, registerWh);
    }

    /**
     * Each occupied place's meter status: its customer's balance, relay and credit state from {@code engine}, its
     * last reading billed, and its parent in {@code mesh} now (or the last one it had while it has no route).
     */
    List<MeterStatus> statuses(BillingEngine engine, String currency, MeshNetwork mesh) {
        List<MeterStatus> statuses = new ArrayList<>(meterIds.length);
        for (int i = 0; i < meterIds.length; i++) {
            Customer customer = occupants[i];
            if (customer == null) {
                continue;
            }
            String id = customer.customerId();
            String parent = mesh.parentId(i);
            statuses.add(new MeterStatus(meterIds[i], id, customer.name(), engine.balance(id), currency,
                    lastReadingEnd[i], billedRegisterWh[i], SiteGenerator.rssiDbm(mesh.parentRssiDbm(i)),
                    parent == null ? "" : parent, engine.relay(id), engine.creditState(id)));
        }
        return statuses;
    }
}
