package io.gridside.link.server;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.GatewayHealth;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SiteReply;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import io.gridside.site.TopologySnapshot;
import java.time.Instant;
import java.util.List;

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

    /** The site's customers with their meters, in meter order. */
    List<RosterBatch.Entry> roster();

    List<MeterStatus> meterStatus();

    /** The readings whose interval starts in [from, to), in time order and then meter order. */
    List<Reading> readings(Instant from, Instant to);

    /**
     * The events of the gateway's log, its own and its meters', that happened in [from, to), in the order it
     * logged them. A gateway that keeps no event log has none to give.
     */
    default List<SiteEvent> events(Instant from, Instant to) {
        return List.of();
    }

    /**
     * The mesh as it stood at {@code at}, or as it stands now when {@code at} is null. A gateway that keeps no
     * topology has an empty mesh to give.
     *
     * @throws IllegalArgumentException for a time the gateway holds no topology of, before its history or after
     *     its clock, with a sentence that says which times it holds
     */
    default TopologySnapshot topologySnapshot(Instant at) {
        return TopologySnapshot.empty(at == null ? clock() : at, profile().gatewayId());
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
     * Credits cash a technician collected on site, within {@code allowance}: the gateway's {@link CashDesk}
     * checks the request, counts the cash against the credential, and takes each payment reference once.
     *
     * @throws CashRefusedException when the request breaks a rule of the desk, with the rule's code
     */
    CashReceipt creditCash(CashTopUp request, CashAllowance allowance) throws CashRefusedException;
}
