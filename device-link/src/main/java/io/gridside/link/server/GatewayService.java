package io.gridside.link.server;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.FinalStatement;
import io.gridside.link.message.GapFillsBatch;
import io.gridside.link.message.MeterExchanged;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.message.MovedIn;
import io.gridside.link.message.GatewayHealth;
import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.link.message.PostAdjustments;
import io.gridside.link.message.PushTariff;
import io.gridside.link.message.TariffPushed;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SiteReply;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.RelayCommand;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.history.DayDigest;
import io.gridside.site.ledger.CustomerDay;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.ledger.LedgerDayDigest;
import io.gridside.site.ledger.LedgerDays;
import io.gridside.site.ledger.LedgerLink;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a gateway offers over the link; the simulated site implements it, as a real gateway's firmware would.
 * The session, not the service, checks credentials and roles, with the keys and clock the service gives it.
 */
public interface GatewayService {

    /** Who the gateway is, as its hello reply says. */
    GatewayProfile profile();

    /** The gateway's identity key, whose public half consoles pin per site. */
    SigningKey identityKey();

    /** The operator keys whose credentials this gateway accepts. */
    TrustedOperators trustedOperators();

    /** The gateway's clock, against which credentials are checked. */
    Instant clock();

    /**
     * Sets the gateway's clock; the session lets only a supervisor ask.
     *
     * @return the clock before it was set
     * @throws IllegalArgumentException when the gateway will not take this time, with a sentence that says why
     */
    Instant setClock(Instant clock);

    SiteReply site();

    /**
     * The site's customers with their meters, in meter order. One whose profile lists
     * {@link io.gridside.link.message.GetRoster#FEEDERS} gives each meter's feeder where it knows it; the session
     * leaves them out for a console that did not ask.
     */
    List<RosterBatch.Entry> roster();

    List<MeterStatus> meterStatus();

    /** The readings whose interval starts in [from, to), in time order and then meter order. */
    default List<Reading> readings(Instant from, Instant to) {
        return readings(from, to, null);
    }

    /**
     * The readings of {@link #readings(Instant, Instant)} of the one meter {@code meterId}, or every meter's when it
     * is null. A gateway whose profile lists {@link io.gridside.link.message.GetReadings#BY_METER} answers a
     * GetReadings for one meter with these.
     */
    List<Reading> readings(Instant from, Instant to, String meterId);

    /**
     * The events of the gateway's log, its own and its meters', that happened in [from, to), in the order it
     * logged them. A gateway that keeps no event log has none to give.
     */
    default List<SiteEvent> events(Instant from, Instant to) {
        return List.of();
    }

    /**
     * The mesh as it stood at {@code at}, or as it stands now when {@code at} is null. A gateway that keeps no
     * topology has an empty mesh to give. One whose profile lists
     * {@link io.gridside.link.message.GetTopology#RADIO_FACTS} gives each radio's firmware and traffic where it
     * knows them; the session leaves them out for a console that did not ask.
     *
     * @throws IllegalArgumentException for a time the gateway holds no topology of, before its history or after
     *     its clock, with a sentence that says which times it holds
     */
    default TopologySnapshot topologySnapshot(Instant at) {
        return TopologySnapshot.empty(at == null ? clock() : at, profile().gatewayId());
    }

    /**
     * The gateway's digests of the site days from {@code from} to {@code to}, both included, in day order: of each
     * day's events and of its mesh history (see {@link DayDigest}).
     *
     * @param from the first day, or null for the first day of the gateway's history
     * @param to the last day, or null for the gateway's today
     * @throws IllegalArgumentException for days outside the gateway's history, with a sentence that names the days
     *     it holds
     * @throws UnsupportedOperationException when the gateway keeps no history by day
     */
    default List<DayDigest> dayDigests(LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("this gateway keeps no history by day");
    }

    /**
     * One site day's mesh history as its document ({@link io.gridside.site.history.MeshDayDocument}), whose SHA-256
     * is the day's mesh digest.
     *
     * @throws IllegalArgumentException for a day outside the gateway's history, with a sentence that names the days
     *     it holds
     * @throws UnsupportedOperationException when the gateway keeps no history by day
     */
    default byte[] meshDay(LocalDate day) {
        throw new UnsupportedOperationException("this gateway keeps no history by day");
    }

    /**
     * The tariff schedule and credit terms the gateway bills with, as one deterministic-CBOR document (billing-local
     * {@code BillingConfigDocument}) whose SHA-256 is the configuration's digest.
     *
     * @throws UnsupportedOperationException when the gateway cannot say what it bills with
     */
    default byte[] billingConfig() {
        throw new UnsupportedOperationException("this gateway does not serve its billing configuration");
    }

    /**
     * The gateway's own health, measured now. A gateway that does not measure it answers a GetHealth with
     * {@code GATEWAY_FAULT}.
     */
    default GatewayHealth health() {
        throw new UnsupportedOperationException("this gateway does not report its health");
    }

    /** The ledger entries after {@code afterSeq}, in sequence order. */
    List<LedgerEntry> ledgerAfter(long afterSeq);

    /**
     * The ledger entries after {@code afterSeq} with their links of the hash chain. This default re-walks the
     * whole ledger from the genesis on every call; a gateway that keeps its chain as it posts answers from it.
     */
    default List<LedgerLink> ledgerLinksAfter(long afterSeq) {
        List<LedgerEntry> all = ledgerAfter(0);
        List<byte[]> heads = LedgerChain.heads(LedgerChain.genesis(), all);
        List<LedgerLink> result = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).seq() > afterSeq) {
                result.add(new LedgerLink(all.get(i), heads.get(i)));
            }
        }
        return result;
    }

    /**
     * The gateway's digests of its ledger by customer day, for the site days from {@code from} to {@code to}, both
     * included, customer first then day (see {@link io.gridside.site.ledger.LedgerDays}).
     *
     * @param from the first day, or null for the first day of the ledger
     * @param to the last day, or null for the gateway's today
     * @throws UnsupportedOperationException when the gateway does not summarise its ledger by day
     */
    default List<LedgerDayDigest> ledgerDayDigests(LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("this gateway does not summarise its ledger by day");
    }

    /**
     * The gaps billed by estimate by the ticks of the quarter hours that start in [from, to) whose meters then sent
     * their quarter hours, each with what they sent, in the order billed.
     *
     * @throws UnsupportedOperationException when the gateway does not fill gaps from its meters' buffers
     */
    default List<GapFillsBatch.Fill> gapFills(Instant from, Instant to) {
        throw new UnsupportedOperationException("this gateway does not fill gaps from its meters' buffers");
    }

    /**
     * The entries of the named customer days with their links, in ledger order. This default re-walks the whole
     * ledger; a gateway that keeps its chain answers from it.
     */
    default List<LedgerLink> ledgerDays(List<CustomerDay> days) {
        Set<CustomerDay> wanted = new HashSet<>(days);
        ZoneId zone = ZoneId.of(profile().timeZone());
        return ledgerLinksAfter(0).stream().filter(link -> wanted.contains(LedgerDays.of(link.entry(), zone)))
                .toList();
    }

    /**
     * Posts the corrections of a reconciliation as ADJUSTMENT entries, all or none, asked by {@code supervisorId}.
     *
     * @return the posted entries with their links
     * @throws AdjustmentRefusedException when a rule of the request is broken, with the rule's code
     * @throws UnsupportedOperationException when the gateway does not post corrections
     */
    default List<LedgerLink> postAdjustments(PostAdjustments request, String supervisorId)
            throws AdjustmentRefusedException {
        throw new UnsupportedOperationException("this gateway does not post corrections");
    }

    /**
     * Adds the tariff version of {@code request} to the gateway's schedule for {@code supervisorId}, re-rates from
     * its effective time and posts what moved as adjustments; a version pushed before with the same content posts
     * nothing more.
     *
     * @throws TariffPushRefusedException when a rule of the request is broken, with the rule's code
     * @throws UnsupportedOperationException when the gateway does not take tariff versions
     */
    default TariffPushed pushTariff(PushTariff request, String supervisorId) throws TariffPushRefusedException {
        throw new UnsupportedOperationException("this gateway does not take tariff versions");
    }

    /**
     * Credits cash a technician collected on site, within {@code allowance}: the gateway's {@link CashDesk}
     * checks the request, counts the cash against the credential, and takes each payment reference once.
     *
     * @throws CashRefusedException when the request breaks a rule of the desk, with the rule's code
     */
    CashReceipt creditCash(CashTopUp request, CashAllowance allowance) throws CashRefusedException;

    /**
     * Voids a cash receipt for the supervisor {@code supervisorId}, through the gateway's {@link CashDesk}: its
     * credit is taken back by a correcting ledger entry. The session lets only a supervisor ask.
     *
     * @throws CashRefusedException when the request breaks a rule of the desk, with the rule's code
     * @throws UnsupportedOperationException when the gateway keeps no cash book
     */
    default CashVoided voidCash(CashVoid request, String supervisorId) throws CashRefusedException {
        throw new UnsupportedOperationException("this gateway keeps no cash book");
    }

    /**
     * The lines of the gateway's cash book dated on the site days from {@code from} to {@code to}, both included,
     * in time order and then by receipt.
     *
     * @param from the first day, or null for the book's first
     * @param to the last day, or null for the gateway's today
     * @throws UnsupportedOperationException when the gateway keeps no cash book
     */
    default List<CashBookLine> cashBook(LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("this gateway keeps no cash book");
    }

    /**
     * Credits payments a console imported from a file, each by the rules of {@link PaymentPosting}; the session
     * lets only a supervisor ask, and has checked the request's size.
     *
     * @throws UnsupportedOperationException when the gateway takes no imported payments
     */
    default PaymentsPosted postPayments(PostPayments request) {
        throw new UnsupportedOperationException("this gateway takes no imported payments");
    }

    /**
     * The references of the payments credited as imported from a file, in the order taken; a gateway that keeps
     * them names the capability {@code payment-channels}.
     *
     * @throws UnsupportedOperationException when the gateway keeps no payment's channel
     */
    default List<String> importedPayments() {
        throw new UnsupportedOperationException("this gateway keeps no payment's channel");
    }

    /**
     * Judges reads a console imported or a technician decided on, each on its own (protocol section 6.23): a copy
     * of a read held is a duplicate, the reads of a gap billed by estimate fill it, an override corrects a register
     * billed; each posts only what moved. The session lets only a supervisor ask, as a signed command.
     *
     * @throws UnsupportedOperationException when the gateway takes no reads from a console
     */
    default ReadingsTaken postReadings(PostReadings request, String supervisorId) {
        throw new UnsupportedOperationException("this gateway takes no reads from a console");
    }

    /**
     * Every meter's latest relay command and where it stands, in meter order. A gateway that turns relays without
     * commands over the mesh has none to give.
     */
    default List<RelayCommand> relayCommands() {
        return List.of();
    }

    /**
     * Replaces a faulty meter, carrying its customer's account to the new meter; see {@link ExchangeMeter}.
     *
     * @param by the technician who made the exchange, for the record
     * @throws SiteChangeRefusedException when the request breaks a rule, with the rule's code
     */
    default MeterExchanged exchangeMeter(ExchangeMeter request, String by) throws SiteChangeRefusedException {
        throw new UnsupportedOperationException("this gateway does not exchange meters");
    }

    /**
     * Closes a customer's account as they move out, and gives its final statement; see {@link MoveOut}.
     *
     * @throws SiteChangeRefusedException when the request breaks a rule, with the rule's code
     */
    default FinalStatement moveOut(MoveOut request, String by) throws SiteChangeRefusedException {
        throw new UnsupportedOperationException("this gateway does not move customers out");
    }

    /**
     * Opens a new customer's account on a meter a move-out freed; see {@link MoveIn}.
     *
     * @throws SiteChangeRefusedException when the request breaks a rule, with the rule's code
     */
    default MovedIn moveIn(MoveIn request, String by) throws SiteChangeRefusedException {
        throw new UnsupportedOperationException("this gateway does not move customers in");
    }

    /**
     * Where the gateway keeps the signed commands it took; the session checks each command and writes it there
     * with the gateway's answer.
     *
     * @throws UnsupportedOperationException when the gateway keeps no command log, and so takes no command that
     *     moves money
     */
    default CommandLog commandLog() {
        throw new UnsupportedOperationException("this gateway keeps no command log");
    }

    /**
     * What the gateway does with firmware; a gateway that lists the capability {@code firmware} gives it.
     *
     * @throws UnsupportedOperationException when the gateway takes no firmware over the link
     */
    default FirmwareService firmware() {
        throw new UnsupportedOperationException("this gateway takes no firmware over the link");
    }

    /**
     * Where the gateway keeps its operators' revocation lists (protocol section 6.29); a gateway that keeps them
     * lists the capability {@code revocations}, and refuses every credential its lists revoke.
     *
     * @throws UnsupportedOperationException when the gateway keeps no revocation list
     */
    default RevocationStore revocations() {
        throw new UnsupportedOperationException("this gateway keeps no revocation list");
    }

    /**
     * What the gateway does to be commissioned (protocol sections 6.30 and 6.31); a gateway that can be lists the
     * capability {@code commissioning}, and {@code factory-fresh} while it has no site.
     *
     * @throws UnsupportedOperationException when the gateway cannot be commissioned over the link
     */
    default CommissioningService commissioning() {
        throw new UnsupportedOperationException("this gateway cannot be commissioned over the link");
    }
}
