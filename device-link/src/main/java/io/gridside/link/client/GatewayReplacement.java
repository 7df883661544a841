package io.gridside.link.client;

import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.FinishRestore;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.ReadRegisters;
import io.gridside.link.message.ReconciliationPosted;
import io.gridside.link.message.RegistersRead;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.message.RestoreConfigPart;
import io.gridside.link.message.RestoreLedgerPart;
import io.gridside.link.message.RestoreState;

/**
 * A session's requests that restore a factory-fresh gateway from the console's replica (protocol section 6.32).
 * Each may be sent again after a dropped link: the gateway answers a repeat as it answered the first and changes
 * nothing more. Every request but {@link #readRegisters} takes a supervisor's session.
 *
 * <p>KNOWN SHORTCOMING: a reconciliation moves money but is sent bare, not as a command signed by the
 * supervisor's key (protocol section 6.20); the gateway records who posted it only in its log.
 *
 * @see io.gridside.link.server.GatewayRestore
 */
public final class GatewayReplacement {

    private final GatewayClient client;

    GatewayReplacement(GatewayClient client) {
        this.client = client;
    }

    /**
     * Starts a restore, or learns which chunks of the one of the same id the gateway still lacks.
     *
     * @throws LinkException with the gateway's code when it refuses, such as {@code REPLACE_ALREADY_RESTORED}
     */
    public RestoreState begin(BeginRestore begin) throws LinkException {
        return GatewayClient.expect(client.call(begin), RestoreState.class);
    }

    /** Sends one chunk of the accounts; a chunk the gateway holds already is answered as held. */
    public RestoreState chunk(RestoreChunk chunk) throws LinkException {
        return GatewayClient.expect(client.call(chunk), RestoreState.class);
    }

    /** Sends one part of a configuration too large for the begin (section 6.39); a part held already is held. */
    public RestoreState configPart(RestoreConfigPart part) throws LinkException {
        return GatewayClient.expect(client.call(part), RestoreState.class);
    }

    /**
     * Sends one part of the replica's ledger (section 6.41), on the bulk stream; a part held already is held. Only
     * a gateway that lists {@code restore-ledger} is sent one.
     */
    public RestoreState ledgerPart(RestoreLedgerPart part) throws LinkException {
        return GatewayClient.expect(client.call(part), RestoreState.class);
    }

    /** Whether the gateway takes the replica's ledger in a restore, as its hello says ({@code restore-ledger}). */
    public boolean takesLedger() {
        return client.hello().capabilities().contains(RestoreLedgerPart.RESTORE_LEDGER);
    }

    /** Has the gateway take over the site from the restore; once done, a repeat answers that it is. */
    public RestoreState finish(FinishRestore finish) throws LinkException {
        return GatewayClient.expect(client.call(finish), RestoreState.class);
    }

    /** Has the gateway read every meter's register over the mesh. */
    public RegistersRead readRegisters() throws LinkException {
        return GatewayClient.expect(client.call(new ReadRegisters()), RegistersRead.class);
    }

    /** Posts a reconciliation's lines; a reference the gateway posted before comes back as already posted. */
    public ReconciliationPosted post(PostReconciliation post) throws LinkException {
        return GatewayClient.expect(client.call(post), ReconciliationPosted.class);
    }
}
