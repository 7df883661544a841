package io.gridside.sim;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SiteReply;
import io.gridside.link.server.CashAllowance;
import io.gridside.link.server.CashRefusedException;
import io.gridside.link.server.GatewayProfile;
import io.gridside.link.server.GatewayService;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import java.time.Instant;
import java.util.List;

/**
 * What a {@link FreshGateway} answers before go-live, when its billing is off: no customers, no readings billed,
 * an empty ledger, and no cash taken. Who it is and its clock are the fresh gateway's own.
 */
final class UnbilledGateway implements GatewayService {

    /** The code of a request that needs billing on. */
    static final String NOT_LIVE = "COMMISSION_NOT_LIVE";

    private final FreshGateway fresh;

    UnbilledGateway(FreshGateway fresh) {
        this.fresh = fresh;
    }

    @Override
    public GatewayProfile profile() {
        return fresh.profile();
    }

    @Override
    public SigningKey identityKey() {
        return fresh.identityKey();
    }

    @Override
    public TrustedOperators trustedOperators() {
        return fresh.trustedOperators();
    }

    @Override
    public Instant clock() {
        return fresh.clock();
    }

    @Override
    public Instant setClock(Instant clock) {
        return fresh.setClock(clock);
    }

    @Override
    public SiteReply site() {
        return fresh.site();
    }

    @Override
    public List<RosterBatch.Entry> roster() {
        return List.of();
    }

    @Override
    public List<MeterStatus> meterStatus() {
        return List.of();
    }

    @Override
    public List<Reading> readings(Instant from, Instant to, String meterId) {
        return List.of();
    }

    @Override
    public List<LedgerEntry> ledgerAfter(long afterSeq) {
        return List.of();
    }

    @Override
    public CashReceipt creditCash(CashTopUp request, CashAllowance allowance) throws CashRefusedException {
        throw new CashRefusedException(NOT_LIVE, "The site is not live yet, so its gateway takes no cash; go live "
                + "first.");
    }
}
