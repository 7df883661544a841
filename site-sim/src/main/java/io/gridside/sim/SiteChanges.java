package io.gridside.sim;

import io.gridside.billing.BillingEngine;
import io.gridside.link.message.DebtOwed;
import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.FinalStatement;
import io.gridside.link.message.MeterExchanged;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.message.MovedIn;
import io.gridside.link.server.CashDesk;
import io.gridside.link.server.SiteChangeRefusedException;
import io.gridside.sim.journal.GatewayJournal;
import io.gridside.sim.rf.MeshTimeline;
import io.gridside.sim.scenario.EventLog;
import io.gridside.site.Customer;
import io.gridside.site.EventKind;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meter exchanges and customers' moves at the simulated gateway, made at once by its clock, between its quarter
 * hours. What they bill (an old meter's last energy) is posted by the billing engine and dated then; the reading it
 * billed is kept in the journal with the next quarter hour's readings. Not thread-safe: the gateway holds its lock.
 */
final class SiteChanges {

    private static final Logger LOG = LoggerFactory.getLogger(SiteChanges.class);

    /** One change, made with the end of the last quarter hour the gateway billed and its clock now. */
    interface Change<T> {
        T make(Instant lastTick, Instant clock) throws SiteChangeRefusedException;
    }

    private final BillingEngine engine;
    private final Places places;
    private final RelayCommands relays;
    private final EventLog log;
    private final GatewayJournal journal;
    private final MeshTimeline mesh;
    private final String currency;
    /** Reads a meter's register over the mesh when a move-out comes without a typed one. */
    private final RegisterReads registers;
    /** Each closed account's move-out request with the statement it was answered with, by customer. */
    private final Map<String, Answered<MoveOut, FinalStatement>> movedOut = new HashMap<>();
    /** Each move-in request with what it was answered with, by customer. */
    private final Map<String, Answered<MoveIn, MovedIn>> movedIn = new HashMap<>();
    /** Each exchange request with what it was answered with, by the meter it took out. */
    private final Map<String, Answered<ExchangeMeter, MeterExchanged>> exchanged = new HashMap<>();

    /** A request the gateway carried out, and its answer, which the same request again is given. */
    private record Answered<R, A>(R request, A answer) {
    }

    SiteChanges(BillingEngine engine, Places places, RelayCommands relays, EventLog log, GatewayJournal journal,
            MeshTimeline mesh, SiteLayout layout, RegisterReads registers) {
        this.engine = engine;
        this.places = places;
        this.relays = relays;
        this.log = log;
        this.journal = journal;
        this.mesh = mesh;
        this.currency = layout.site().currency();
        this.registers = registers;
    }

    /**
     * Replaces a meter: the old meter's energy up to its final register is billed, the customer's account moves
     * to the new meter, and the new meter takes the old one's place on the feeder and in the mesh, which it joins
     * at the next quarter hour. The new meter comes with its relay closed; it is opened by command if the
     * customer is cut off.
     *
     * @param lastTick the end of the last quarter hour the gateway billed
     */
    MeterExchanged exchangeMeter(ExchangeMeter request, String by, Instant lastTick, Instant clock)
            throws SiteChangeRefusedException {
        Answered<ExchangeMeter, MeterExchanged> done = exchanged.get(request.oldMeterId());
        if (done != null && done.request().equals(request)) {
            LOG.info("Technician {} asked again to replace meter {}; it was replaced by {} at {}.", by,
                    request.oldMeterId(), request.newMeterId(), done.answer().at());
            return done.answer();
        }
        int index = places.placeOf(request.oldMeterId());
        Customer customer = places.occupantOf(index);
        checkNewMeter(request);
        Instant at = changeTime(lastTick, clock);
        checkOneFinalRegister(index, at);
        Reading last = places.finalReading(index, request.oldFinalRegisterWh(), at, "old meter's final register");
        String id = customer.customerId();
        // The final reading's charge is what it took off the balance; the posting made with it also carries
        // what accrued since the last one, which the balance had counted already.
        long balanceBefore = engine.balance(id);
        engine.exchangeMeter(id, last, request.newMeterId(), at);
        places.finalReadings.add(last);

        String oldMeterId = places.meterIds[index];
        places.meterIds[index] = request.newMeterId();
        places.meterIndex.put(request.newMeterId(), index);
        journal.addMeter(request.newMeterId());
        places.exactRegisterWh[index] = request.newOpeningRegisterWh();
        places.billedRegisterWh[index] = request.newOpeningRegisterWh();
        places.forgetRead(index);
        joinMesh(index, at, lastTick);
        relays.replaceMeter(index, RelayState.ON);
        if (engine.relay(id) == RelayState.OFF) {
            relays.issue(index, id, RelayState.OFF, at, "meter-exchange");
        }

        log.add(at, oldMeterId, EventKind.METER_EXCHANGED, Map.of("newMeterId", request.newMeterId(),
                "customerId", id, "oldFinalRegisterWh", String.valueOf(last.registerWh()),
                "newOpeningRegisterWh", String.valueOf(request.newOpeningRegisterWh()), "by", by,
                "reason", request.reason()), null);
        LOG.info("Technician {} replaced meter {} of customer {} by meter {}: {}.", by, oldMeterId, id,
                request.newMeterId(), request.reason());
        MeterExchanged answer = new MeterExchanged(id, oldMeterId, request.newMeterId(), at, last.energyWh(),
                balanceBefore - engine.balance(id),
                engine.balance(id), currency, engine.creditState(id), engine.relay(id), debtsOf(id));
        exchanged.put(oldMeterId, new Answered<>(request, answer));
        return answer;
    }

    /**
     * Refuses a second final register of one meter in a quarter hour (a move-out's, then an exchange's): a meter has
     * one reading a quarter hour in every store, so the second would leave a reading no replay can find.
     */
    private void checkOneFinalRegister(int index, Instant at) throws SiteChangeRefusedException {
        String meterId = places.meterIds[index];
        for (Reading taken : places.finalReadings) {
            if (taken.meterId().equals(meterId)) {
                throw new SiteChangeRefusedException("METER_FINAL_TAKEN", "Meter " + meterId + " had its final "
                        + "register taken in this quarter hour already (" + taken.registerWh() + " Wh); do this "
                        + "after " + Reading.intervalStartOf(at).plus(Reading.INTERVAL) + ", when the gateway has "
                        + "billed it.");
            }
        }
    }

    private void checkNewMeter(ExchangeMeter request) throws SiteChangeRefusedException {
        if (places.meterIndex.containsKey(request.newMeterId())) {
            throw new SiteChangeRefusedException("METER_ALREADY_ON_SITE", "Meter " + request.newMeterId()
                    + " has been on this site before; fit a meter that is new to the site.");
        }
        try {
            new Meter(request.newMeterId(), request.newMeterId(), "check", "", -60);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SiteChangeRefusedException("REQUEST_INVALID", "The new meter's id is not valid: "
                    + e.getMessage() + ".");
        }
        if (request.newOpeningRegisterWh() < 0) {
            throw new SiteChangeRefusedException("REQUEST_INVALID", "The new meter's opening register cannot be "
                    + "negative; read its display again.");
        }
    }

    /**
     * Closes a customer's account as they move out, after billing the meter up to its final register: the one
     * given, else the register the gateway reads from the meter now. A meter that cannot be read (off the mesh or
     * without power) bills nothing more: the energy since its last reading is no one's. The meter's relay is
     * opened by command, and the meter is free for a move-in. The same request again
     * (the customer and the final register) is answered with the statement it was answered with, as a console that
     * lost the answer asks again; another for the closed account is refused {@code ACCOUNT_CLOSED}.
     */
    FinalStatement moveOut(MoveOut request, String by, Instant lastTick, Instant clock)
            throws SiteChangeRefusedException {
        Answered<MoveOut, FinalStatement> done = movedOut.get(request.customerId());
        if (done != null && Objects.equals(done.request().finalRegisterWh(), request.finalRegisterWh())) {
            LOG.info("Supervisor {} asked again to close the account of customer {}; it was closed at {}.", by,
                    request.customerId(), done.answer().closedAt());
            return done.answer();
        }
        int index = places.placeOfCustomer(request.customerId());
        Customer customer = places.occupants[index];
        Instant at = changeTime(lastTick, clock);
        Instant lastReadingAt = places.lastReadingEnd[index];
        checkOneFinalRegister(index, at);
        FinalRegister register = finalRegister(request, index, lastTick, at);
        Reading last = register.registerWh() == null ? null
                : places.finalReading(index, register.registerWh(), at, "meter's final register");
        String id = customer.customerId();
        long balanceBefore = engine.balance(id);
        engine.moveOut(id, last, at);
        if (last != null) {
            places.finalReadings.add(last);
            places.billedRegisterWh[index] = last.registerWh();
            // The register the technician read is the meter's: the simulated one follows it, never goes back.
            places.exactRegisterWh[index] = Math.max(places.exactRegisterWh[index], last.registerWh());
        }
        places.occupants[index] = null;
        // Shortcoming: the energy from the last reading to a move-out whose meter could not be read is billed to
        // no one; the next reading does not say how much of it came before the move-out (decisions 0037, 0040).
        places.unsettled[index] = last == null && lastReadingAt != null && at.isAfter(lastReadingAt);
        String meterId = places.meterIds[index];
        relays.issue(index, id, RelayState.OFF, at, "move-out");

        // The name travels with the event: the roster lists no one who moved out, and a console that pulls
        // only after the move-out learns the name from nowhere else.
        Map<String, String> details = new HashMap<>(Map.of("customerId", id, "customerName", customer.name(),
                "balanceMinor", String.valueOf(engine.balance(id)), "by", by, "reason", request.reason()));
        if (last != null) {
            details.put("finalRegisterWh", String.valueOf(last.registerWh()));
            details.put("finalRegisterSource", register.source());
        }
        // A closed account's credit is final: a console reads it here instead of re-billing its history.
        details.put("creditState", engine.creditState(id).name());
        details.put("energyPastZeroWh", String.valueOf(engine.energyPastZeroWh(id)));
        log.add(at, meterId, EventKind.CUSTOMER_MOVED_OUT, details, null);
        LOG.info("Supervisor {} closed the account of customer {} on meter {}: {}.", by, id, meterId,
                request.reason());
        FinalStatement statement = new FinalStatement(id, customer.name(), meterId, at, lastReadingAt,
                places.billedRegisterWh[index], last == null ? 0 : last.energyWh(),
                balanceBefore - engine.balance(id), register.source(),
                engine.balance(id), currency, engine.creditState(id), debtsOf(id));
        movedOut.put(id, new Answered<>(request, statement));
        return statement;
    }

    /** A move-out's final register, or null for none, and where it came from (a FinalStatement's source). */
    private record FinalRegister(Long registerWh, String source) {
    }

    /** The register typed in the request, else the one the meter answers a read with now, else none. */
    private FinalRegister finalRegister(MoveOut request, int index, Instant lastTick, Instant at) {
        if (request.finalRegisterWh() != null) {
            return new FinalRegister(request.finalRegisterWh(), FinalStatement.TYPED);
        }
        OptionalLong read = registers.read(index, lastTick, at);
        return read.isPresent() ? new FinalRegister(read.getAsLong(), FinalStatement.METER)
                : new FinalRegister(null, FinalStatement.NONE);
    }

    /**
     * Opens a new customer's account on a meter a move-out freed, billed from the meter's register now on. The same
     * request again is answered as it was; another for the customer is refused {@code CUSTOMER_EXISTS}.
     */
    MovedIn moveIn(MoveIn request, String by, Instant lastTick, Instant clock) throws SiteChangeRefusedException {
        Answered<MoveIn, MovedIn> done = movedIn.get(request.customerId());
        if (done != null && done.request().equals(request)) {
            LOG.info("Supervisor {} asked again to open the account of customer {}; it was opened at {}.", by,
                    request.customerId(), done.answer().openedAt());
            return done.answer();
        }
        int index = places.placeOf(request.meterId());
        if (places.occupants[index] != null) {
            throw new SiteChangeRefusedException("METER_IN_USE", "Meter " + request.meterId() + " bills customer "
                    + places.occupants[index].customerId() + "; move them out first.");
        }
        Customer customer = newCustomer(request);
        Instant at = changeTime(lastTick, clock);
        String id = customer.customerId();
        engine.moveIn(id, request.meterId(), request.openingBalanceMinor(), at);
        places.occupants[index] = customer;
        places.customerIds.add(id);
        relays.issue(index, id, RelayState.ON, at, "move-in");

        log.add(at, request.meterId(), EventKind.CUSTOMER_MOVED_IN, Map.of("customerId", id, "customerName",
                customer.name(), "openingBalanceMinor", String.valueOf(request.openingBalanceMinor()), "by", by), null);
        LOG.info("Supervisor {} opened an account for customer {} on meter {}.", by, id, request.meterId());
        MovedIn opened = new MovedIn(id, request.meterId(), at, places.billedRegisterWh[index], engine.balance(id),
                currency, engine.relay(id));
        movedIn.put(id, new Answered<>(request, opened));
        return opened;
    }

    private Customer newCustomer(MoveIn request) throws SiteChangeRefusedException {
        if (places.customerIds.contains(request.customerId())) {
            throw new SiteChangeRefusedException("CUSTOMER_EXISTS", "Customer " + request.customerId()
                    + " has had an account on this site; give the new customer a new id.");
        }
        if (request.openingBalanceMinor() < 0) {
            throw new SiteChangeRefusedException("REQUEST_INVALID", "An opening balance cannot be negative.");
        }
        if (request.openingBalanceMinor() > CashDesk.MAX_AMOUNT_MINOR) {
            throw new SiteChangeRefusedException("REQUEST_INVALID", "An opening balance is at most "
                    + CashDesk.MAX_AMOUNT_MINOR + " minor units, the most any one payment may be; this one is "
                    + request.openingBalanceMinor() + ".");
        }
        try {
            return new Customer(request.customerId(), request.name(), request.category());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SiteChangeRefusedException("REQUEST_INVALID", "The new customer is not valid: "
                    + e.getMessage() + ".");
        }
    }

    /** When a change made now takes effect: the gateway's clock, within the quarter hour it has not billed yet. */
    private static Instant changeTime(Instant lastTick, Instant clock) {
        Instant at = clock.truncatedTo(ChronoUnit.SECONDS);
        return at.isBefore(lastTick) ? lastTick : at;
    }

    /** A new meter's radio starts quiet and joins the mesh at the next quarter-hour update, as a returning one. */
    private void joinMesh(int index, Instant at, Instant lastTick) {
        Instant nextUpdate = lastTick.plus(Reading.INTERVAL);
        if (at.isBefore(nextUpdate)) {
            mesh.silence(places.radioId(index), at, nextUpdate);
        }
    }

    private List<DebtOwed> debtsOf(String customerId) {
        return engine.debts(customerId).stream().map(debt -> new DebtOwed(debt.debtId(), debt.kind(),
                debt.principalMinor(), engine.debtRemaining(debt.debtId()))).toList();
    }
}
