package io.gridside.sim;

import io.gridside.billing.BillingEngine;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PostPayments;
import io.gridside.link.server.CashAllowance;
import io.gridside.link.server.CashBook;
import io.gridside.link.server.CashDesk;
import io.gridside.link.server.CashRefusedException;
import io.gridside.link.server.PaymentPosting;
import io.gridside.sim.journal.JournalCashBook;
import io.gridside.site.RelayDecision;
import io.gridside.site.TopUp;
import io.gridside.site.cash.CashBookLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated gateway's cash on site: its {@link CashDesk} with the cash book kept beside its journal, and the
 * payments and voids the desk took since the last tick, which the gateway's ticks post. Not thread-safe on its
 * own: the gateway guards it.
 *
 * <p>A payment is posted by the first tick at or after its date with the other payments; a void by the first tick
 * at or after its date, after that tick's readings, in the order of the voids' dates and then references, as a
 * replay of the ledger posts them.
 */
public final class GatewayCash {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayCash.class);

    private final CashDesk desk;
    private final BillingEngine engine;
    /** The customer a customer id or a meter id (the other null) names, or null. */
    private final BinaryOperator<String> customers;
    /** The date of a payment or void taken now: the gateway's clock, and never in a tick already billed. */
    private final Supplier<Instant> now;
    /** Cash taken since the last tick, by reference. */
    private final Map<String, TopUp> pendingCash = new LinkedHashMap<>();
    /** Voids since the last tick: the payment's reference and the void's date. */
    private final List<Map.Entry<String, Instant>> pendingVoids = new ArrayList<>();
    private final CashDesk.Till till = new DeskTill();
    /** The references of the payments imported from a file, kept apart from mobile money's. */
    private final Set<String> imported = new LinkedHashSet<>();

    /**
     * The cash of a gateway whose book is {@code book}. What the book holds already (the gateway restarted) is
     * handed to the ticks that rebuild its history, so that its ledger holds every receipt and void again: the
     * history comes again from the site's seed, its cash from its book.
     *
     * <p>This holds for a gateway restarted with the same site spec, whose history starts where it did, as a
     * gateway resumed from its journal is ({@link GatewayResume}); cash dated before a later history's start would
     * post before the accounts open.
     */
    GatewayCash(String currency, JournalCashBook book, BillingEngine engine, BinaryOperator<String> customers,
            Supplier<Instant> now) {
        this(currency, book, book.receipts(), engine, customers, now);
    }

    private GatewayCash(String currency, CashBook book, List<CashBook.Receipt> kept, BillingEngine engine,
            BinaryOperator<String> customers, Supplier<Instant> now) {
        this.desk = new CashDesk(currency, book);
        this.engine = engine;
        this.customers = customers;
        this.now = now;
        for (CashBook.Receipt receipt : kept) {
            CashBookLine line = receipt.line();
            pendingCash.put(line.reference(), new TopUp(line.reference(), line.customerId(), line.amountMinor(),
                    line.at()));
            if (receipt.voided() != null) {
                pendingVoids.add(Map.entry(line.reference(), receipt.voided().at()));
            }
        }
    }

    /**
     * The cash of a gateway that keeps its cash book in memory, beginning empty: a replacement gateway's, which
     * takes over a site's billing with no book of its own.
     */
    public static GatewayCash inMemory(String currency, BillingEngine engine, BinaryOperator<String> customers,
            Supplier<Instant> now) {
        return inMemory(currency, CashBook.inMemory(), engine, customers, now);
    }

    /**
     * The cash of a gateway whose book {@code book} is in memory and holds no receipt yet, though it may go on with
     * a dead gateway's receipt books ({@link CashBook#inMemoryContinuing}).
     */
    public static GatewayCash inMemory(String currency, CashBook book, BillingEngine engine,
            BinaryOperator<String> customers, Supplier<Instant> now) {
        return new GatewayCash(currency, book, List.of(), engine, customers, now);
    }

    public CashReceipt take(CashTopUp request, CashAllowance allowance) throws CashRefusedException {
        return desk.take(request, allowance, till);
    }

    public CashVoided voidReceipt(CashVoid request, String supervisorId) throws CashRefusedException {
        return desk.voidReceipt(request, supervisorId, till);
    }

    /** The gateway's customers and ledger as a desk sees them, for payments that come by other channels. */
    CashDesk.Till till() {
        return till;
    }

    /**
     * Credits payments imported from a file and keeps which references came so: the payment's channel, which the
     * ledger does not record. They are rebuilt on resuming, as the commands that brought them are replayed.
     */
    public PaymentsPosted postImported(PostPayments request, PaymentPosting posting, Instant clock) {
        PaymentsPosted posted = posting.post(request, clock, till);
        posted.results().stream().filter(r -> r.outcome() == PaymentsPosted.Outcome.CREDITED)
                .forEach(r -> imported.add(r.reference()));
        return posted;
    }

    /** The references credited as imported payments, in the order taken. */
    public List<String> imported() {
        return List.copyOf(imported);
    }

    /** The book's lines dated in [from, to). */
    public List<CashBookLine> lines(Instant from, Instant to) {
        return desk.lines(from, to);
    }

    /** Whether cash taken on site and not yet posted holds {@code reference}. */
    boolean holds(String reference) {
        return pendingCash.containsKey(reference);
    }

    /** The cash taken up to {@code end}, which leaves the pending list for the engine's tick. */
    public List<TopUp> dueCash(Instant end) {
        List<TopUp> due = pendingCash.values().stream().filter(topUp -> !topUp.at().isAfter(end)).toList();
        due.forEach(topUp -> pendingCash.remove(topUp.reference()));
        return due;
    }

    /** Posts the voids dated up to {@code end}; call it right after the tick at {@code end}. */
    public List<RelayDecision> postDueVoids(Instant end) {
        List<Map.Entry<String, Instant>> due = pendingVoids.stream()
                .filter(entry -> !entry.getValue().isAfter(end))
                .sorted(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        pendingVoids.removeAll(due);
        List<RelayDecision> decisions = new ArrayList<>();
        for (Map.Entry<String, Instant> entry : due) {
            decisions.addAll(engine.reverse(entry.getKey(), entry.getValue()).decisions());
        }
        return decisions;
    }

    /** The gateway's customers and ledger, as its cash desk sees them. */
    private final class DeskTill implements CashDesk.Till {

        @Override
        public String customerOf(String customerId, String meterId) {
            return customers.apply(customerId, meterId);
        }

        @Override
        public CashDesk.Payment payment(String reference) {
            TopUp pending = pendingCash.get(reference);
            if (pending != null) {
                return new CashDesk.Payment(pending, null);
            }
            return engine.payment(reference)
                    .map(entry -> new CashDesk.Payment(new TopUp(reference, entry.customerId(), entry.amountMinor(),
                            entry.at()), entry.balanceAfterMinor()))
                    .orElse(null);
        }

        @Override
        public Instant clock() {
            return now.get();
        }

        @Override
        public CashDesk.Payment credit(String reference, String customerId, long amountMinor, Instant at,
                String note) {
            TopUp topUp = new TopUp(reference, customerId, amountMinor, at);
            pendingCash.put(reference, topUp);
            LOG.info("Took cash {} for customer {} under {} at {}; note: {}", amountMinor, customerId, reference, at,
                    note);
            return new CashDesk.Payment(topUp, null);
        }

        @Override
        public void reverse(String reference, String customerId, long amountMinor, Instant at) {
            pendingVoids.add(Map.entry(reference, at));
            LOG.info("Voided cash {} of customer {} under {} at {}.", amountMinor, customerId, reference, at);
        }
    }
}
