package io.gridside.sim;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.FinalStatement;
import io.gridside.link.message.GapFillsBatch;
import io.gridside.link.message.GatewayHealth;
import io.gridside.link.message.MeterExchanged;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.message.MovedIn;
import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PostAdjustments;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.PushTariff;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SiteReply;
import io.gridside.link.message.TariffPushed;
import io.gridside.link.server.AdjustmentRefusedException;
import io.gridside.link.server.CashAllowance;
import io.gridside.link.server.CashRefusedException;
import io.gridside.link.server.CommandLog;
import io.gridside.link.server.CommissioningService;
import io.gridside.link.server.FirmwareService;
import io.gridside.link.server.GatewayProfile;
import io.gridside.link.server.GatewayService;
import io.gridside.link.server.RevocationStore;
import io.gridside.link.server.SiteChangeRefusedException;
import io.gridside.link.server.TariffPushRefusedException;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.RelayCommand;
import io.gridside.site.SiteEvent;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.history.DayDigest;
import io.gridside.site.ledger.CustomerDay;
import io.gridside.site.ledger.LedgerDayDigest;
import io.gridside.site.ledger.LedgerLink;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A gateway that answers every request of the link with whichever gateway {@link #target} names at the moment:
 * how a commissioned gateway hands its requests from its factory-fresh self to the billing site it becomes at
 * go-live, without the sessions open on it noticing.
 */
abstract class ForwardingGateway implements GatewayService {

    /** The gateway that answers now. */
    abstract GatewayService target();

    @Override
    public GatewayProfile profile() {
        return target().profile();
    }

    @Override
    public SigningKey identityKey() {
        return target().identityKey();
    }

    @Override
    public TrustedOperators trustedOperators() {
        return target().trustedOperators();
    }

    @Override
    public Instant clock() {
        return target().clock();
    }

    @Override
    public Instant setClock(Instant clock) {
        return target().setClock(clock);
    }

    @Override
    public SiteReply site() {
        return target().site();
    }

    @Override
    public List<RosterBatch.Entry> roster() {
        return target().roster();
    }

    @Override
    public List<MeterStatus> meterStatus() {
        return target().meterStatus();
    }

    @Override
    public List<Reading> readings(Instant from, Instant to, String meterId) {
        return target().readings(from, to, meterId);
    }

    @Override
    public List<SiteEvent> events(Instant from, Instant to) {
        return target().events(from, to);
    }

    @Override
    public TopologySnapshot topologySnapshot(Instant at) {
        return target().topologySnapshot(at);
    }

    @Override
    public List<DayDigest> dayDigests(LocalDate from, LocalDate to) {
        return target().dayDigests(from, to);
    }

    @Override
    public byte[] meshDay(LocalDate day) {
        return target().meshDay(day);
    }

    @Override
    public byte[] billingConfig() {
        return target().billingConfig();
    }

    @Override
    public GatewayHealth health() {
        return target().health();
    }

    @Override
    public List<LedgerEntry> ledgerAfter(long afterSeq) {
        return target().ledgerAfter(afterSeq);
    }

    @Override
    public List<LedgerLink> ledgerLinksAfter(long afterSeq) {
        return target().ledgerLinksAfter(afterSeq);
    }

    @Override
    public List<LedgerDayDigest> ledgerDayDigests(LocalDate from, LocalDate to) {
        return target().ledgerDayDigests(from, to);
    }

    @Override
    public List<GapFillsBatch.Fill> gapFills(Instant from, Instant to) {
        return target().gapFills(from, to);
    }

    @Override
    public List<LedgerLink> ledgerDays(List<CustomerDay> days) {
        return target().ledgerDays(days);
    }

    @Override
    public List<LedgerLink> postAdjustments(PostAdjustments request, String supervisorId)
            throws AdjustmentRefusedException {
        return target().postAdjustments(request, supervisorId);
    }

    @Override
    public TariffPushed pushTariff(PushTariff request, String supervisorId) throws TariffPushRefusedException {
        return target().pushTariff(request, supervisorId);
    }

    @Override
    public CashReceipt creditCash(CashTopUp request, CashAllowance allowance) throws CashRefusedException {
        return target().creditCash(request, allowance);
    }

    @Override
    public CashVoided voidCash(CashVoid request, String supervisorId) throws CashRefusedException {
        return target().voidCash(request, supervisorId);
    }

    @Override
    public List<CashBookLine> cashBook(LocalDate from, LocalDate to) {
        return target().cashBook(from, to);
    }

    @Override
    public PaymentsPosted postPayments(PostPayments request) {
        return target().postPayments(request);
    }

    @Override
    public List<String> importedPayments() {
        return target().importedPayments();
    }

    @Override
    public ReadingsTaken postReadings(PostReadings request, String supervisorId) {
        return target().postReadings(request, supervisorId);
    }

    @Override
    public List<RelayCommand> relayCommands() {
        return target().relayCommands();
    }

    @Override
    public MeterExchanged exchangeMeter(ExchangeMeter request, String by) throws SiteChangeRefusedException {
        return target().exchangeMeter(request, by);
    }

    @Override
    public FinalStatement moveOut(MoveOut request, String by) throws SiteChangeRefusedException {
        return target().moveOut(request, by);
    }

    @Override
    public MovedIn moveIn(MoveIn request, String by) throws SiteChangeRefusedException {
        return target().moveIn(request, by);
    }

    @Override
    public CommandLog commandLog() {
        return target().commandLog();
    }

    @Override
    public FirmwareService firmware() {
        return target().firmware();
    }

    @Override
    public RevocationStore revocations() {
        return target().revocations();
    }

    @Override
    public CommissioningService commissioning() {
        return target().commissioning();
    }
}
