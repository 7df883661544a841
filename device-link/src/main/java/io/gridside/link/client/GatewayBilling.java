package io.gridside.link.client;

import io.gridside.link.message.CashBookBatch;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CommandsBatch;
import io.gridside.link.message.GetCommands;
import io.gridside.link.message.CashVoided;
import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.FinalStatement;
import io.gridside.link.message.GetCashBook;
import io.gridside.link.message.GapFillsBatch;
import io.gridside.link.message.GetGapFills;
import io.gridside.link.message.GetLedgerDayDigests;
import io.gridside.link.message.GetLedgerDays;
import io.gridside.link.message.GetRelayCommands;
import io.gridside.link.message.LedgerBatch;
import io.gridside.link.message.LedgerDayDigestsBatch;
import io.gridside.link.message.MeterExchanged;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.message.MovedIn;
import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PostAdjustments;
import io.gridside.link.message.PushTariff;
import io.gridside.link.message.TariffPushed;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.GetImportedPayments;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.link.message.RelayCommandsBatch;
import io.gridside.site.RelayCommand;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.ledger.CustomerDay;
import io.gridside.site.ledger.LedgerDayDigest;
import io.gridside.site.ledger.LedgerLink;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's requests that change a site's accounts or check its ledger, beyond a cash top-up: voiding a cash
 * receipt and the cash book, payments imported from a file, meter exchanges and moves, relay commands, and the
 * ledger by customer day with its corrections. It speaks through the {@link GatewayClient} that made it, whose
 * session's role the gateway checks for each request.
 */
public final class GatewayBilling {

    private final GatewayClient client;

    GatewayBilling(GatewayClient client) {
        this.client = client;
    }

    /**
     * Voids a cash receipt; only a supervisor's session may, and not for a receipt of their own credential.
     *
     * @throws LinkException with {@link LinkException.Code#FORBIDDEN} for a technician's session, and with
     *     {@link LinkException.Code#GATEWAY_ERROR} and the gateway's reason when it refuses, such as
     *     {@code CASH_UNKNOWN_RECEIPT}
     */
    public CashVoided voidCash(CashVoid request) throws LinkException {
        return GatewayClient.expect(client.call(request), CashVoided.class);
    }

    /**
     * Pulls the gateway's cash book, its receipts and voids dated on the site days from {@code from} to {@code to}
     * (null for open ends); see {@link GatewayClient#readings}.
     */
    public long cashBook(LocalDate from, LocalDate to, BatchListener<CashBookLine> listener, CancelSignal cancel)
            throws LinkException {
        return client.stream(new GetCashBook(from, to), CashBookBatch.class,
                batch -> new GatewayClient.Batch<>(batch.lines(), batch.total()), listener, cancel);
    }

    /**
     * Posts payments imported from a file, one answer per payment in the request's order. Sending the same
     * request again is safe: the gateway credits each reference once and answers a repeat as already credited.
     *
     * @throws LinkException with {@link LinkException.Code#FORBIDDEN} in a technician's session, or
     *     {@link LinkException.Code#GATEWAY_ERROR} when the gateway refuses the whole request
     */
    public PaymentsPosted postPayments(PostPayments request) throws LinkException {
        PaymentsPosted posted = GatewayClient.expect(client.call(request), PaymentsPosted.class);
        if (posted.results().size() != request.payments().size()) {
            throw new LinkException(LinkException.Code.GATEWAY_ERROR, "The gateway answered "
                    + posted.results().size() + " of " + request.payments().size() + " payments posted; send them "
                    + "again, which credits none twice.");
        }
        return posted;
    }

    /**
     * The references of the payments the gateway credited as imported from a file; ask only a gateway that names
     * the capability {@code payment-channels}.
     */
    public List<String> importedPayments() throws LinkException {
        return GatewayClient.expect(client.call(new GetImportedPayments()), PaymentsPosted.class).results().stream()
                .map(PaymentsPosted.Result::reference).toList();
    }

    /**
     * Sends register reads for the gateway's billing to take, one answer per read in the request's order. Sending
     * the same reads again is safe: the gateway answers a read it holds as a duplicate and posts nothing more.
     *
     * @throws LinkException with {@link LinkException.Code#FORBIDDEN} in a technician's session, or
     *     {@link LinkException.Code#GATEWAY_ERROR} when the gateway refuses the whole request
     */
    public ReadingsTaken postReadings(PostReadings request) throws LinkException {
        ReadingsTaken taken = GatewayClient.expect(client.call(request), ReadingsTaken.class);
        if (taken.results().size() != request.reads().size()) {
            throw new LinkException(LinkException.Code.GATEWAY_ERROR, "The gateway answered "
                    + taken.results().size() + " of " + request.reads().size() + " reads sent; send them again, "
                    + "which posts nothing twice.");
        }
        return taken;
    }

    /**
     * Replaces a faulty meter at the gateway, carrying the customer's account to the new meter.
     *
     * @throws LinkException with {@link LinkException.Code#GATEWAY_ERROR} and the gateway's reason when it refuses
     */
    public MeterExchanged exchangeMeter(ExchangeMeter request) throws LinkException {
        return GatewayClient.expect(client.call(request), MeterExchanged.class);
    }

    /**
     * Closes a customer's account as they move out; a supervisor's session only.
     *
     * @throws LinkException with {@link LinkException.Code#GATEWAY_ERROR} and the gateway's reason when it refuses
     */
    public FinalStatement moveOut(MoveOut request) throws LinkException {
        return GatewayClient.expect(client.call(request), FinalStatement.class);
    }

    /**
     * Opens a new customer's account on a freed meter; a supervisor's session only.
     *
     * @throws LinkException with {@link LinkException.Code#GATEWAY_ERROR} and the gateway's reason when it refuses
     */
    public MovedIn moveIn(MoveIn request) throws LinkException {
        return GatewayClient.expect(client.call(request), MovedIn.class);
    }

    /** Every meter's latest relay command, pulled as a stream and returned whole. */
    public List<RelayCommand> relayCommands() throws LinkException {
        List<RelayCommand> commands = new ArrayList<>();
        client.stream(new GetRelayCommands(), RelayCommandsBatch.class,
                batch -> new GatewayClient.Batch<>(batch.commands(), batch.total()),
                (batch, received, total) -> commands.addAll(batch), CancelSignal.NEVER);
        return commands;
    }

    /**
     * Pulls the gateway's digests of its ledger by customer day for the site days from {@code from} to {@code to},
     * both included; null asks from the ledger's first day, or up to the gateway's today.
     */
    public List<LedgerDayDigest> ledgerDayDigests(LocalDate from, LocalDate to, CancelSignal cancel)
            throws LinkException {
        List<LedgerDayDigest> days = new ArrayList<>();
        client.stream(new GetLedgerDayDigests(from, to), LedgerDayDigestsBatch.class,
                batch -> new GatewayClient.Batch<>(batch.days(), batch.total()),
                (batch, received, total) -> days.addAll(batch), cancel);
        return days;
    }

    /** Pulls the gaps the gateway's meters filled among those billed by the ticks of quarter hours in [from, to). */
    public List<GapFillsBatch.Fill> gapFills(Instant from, Instant to, CancelSignal cancel) throws LinkException {
        List<GapFillsBatch.Fill> fills = new ArrayList<>();
        client.stream(new GetGapFills(from, to), GapFillsBatch.class,
                batch -> new GatewayClient.Batch<>(batch.fills(), batch.total()),
                (batch, received, total) -> fills.addAll(batch), cancel);
        return fills;
    }

    /**
     * Pulls the entries of the named customer days with their links, asking a few hundred days a request; the caller
     * checks them against the days' digests.
     */
    public List<LedgerLink> ledgerDays(List<CustomerDay> days, CancelSignal cancel) throws LinkException {
        List<LedgerLink> links = new ArrayList<>();
        for (int from = 0; from < days.size(); from += GetLedgerDays.MAX_DAYS) {
            List<CustomerDay> part = days.subList(from, Math.min(days.size(), from + GetLedgerDays.MAX_DAYS));
            client.stream(new GetLedgerDays(part), LedgerBatch.class,
                    batch -> new GatewayClient.Batch<>(batch.links(), batch.total()),
                    (batch, received, total) -> links.addAll(batch), cancel);
        }
        return links;
    }

    /**
     * Asks the gateway to post corrections, which a supervisor's session only may do; returns the entries it
     * posted.
     *
     * @throws LinkException with {@link LinkException.Code#FORBIDDEN} in a technician's session, and with
     *     {@link LinkException.Code#GATEWAY_ERROR} and the gateway's reason when it refuses, such as
     *     {@code ADJUSTMENT_STALE} when a day changed since it was checked
     */
    public List<LedgerLink> postAdjustments(PostAdjustments request) throws LinkException {
        List<LedgerLink> posted = new ArrayList<>();
        client.stream(request, LedgerBatch.class, batch -> new GatewayClient.Batch<>(batch.links(), batch.total()),
                (batch, received, total) -> posted.addAll(batch), CancelSignal.NEVER);
        return posted;
    }

    /**
     * Asks the gateway to add a tariff version, which a supervisor's session only may do; returns what it posted.
     *
     * @throws LinkException with {@link LinkException.Code#FORBIDDEN} in a technician's session, and with
     *     {@link LinkException.Code#GATEWAY_ERROR} and the gateway's reason when it refuses, such as
     *     {@code TARIFF_TOO_LATE} for a version that would take effect before the oldest day it still corrects
     */
    public TariffPushed pushTariff(PushTariff request) throws LinkException {
        return GatewayClient.expect(client.call(request), TariffPushed.class);
    }

    /**
     * Pulls the gateway's command log after {@code afterSeq}: every signed command it took, with the credential
     * that signed it and its answer. The entries are as the gateway gives them; check them with the console's
     * own rules before trusting them.
     */
    public long commands(long afterSeq, BatchListener<CommandsBatch.Entry> listener, CancelSignal cancel)
            throws LinkException {
        return client.stream(new GetCommands(afterSeq), CommandsBatch.class,
                batch -> new GatewayClient.Batch<>(batch.commands(), batch.total()), listener, cancel);
    }
}
