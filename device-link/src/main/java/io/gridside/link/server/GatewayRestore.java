package io.gridside.link.server;

import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.FinishRestore;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.ReconciliationPosted;
import io.gridside.link.message.RegistersRead;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.message.RestoreConfigPart;
import io.gridside.link.message.RestoreLedgerPart;
import io.gridside.link.message.RestoreState;

/**
 * How a factory-fresh gateway takes over a site whose gateway died, from a console's verified replica (protocol
 * section 6.32). Every step may arrive twice, after a dropped link: each answers the same the second time and
 * changes nothing more. A gateway that can be restored lists the capability {@code restore}.
 */
public interface GatewayRestore {

    /** Starts a restore, or answers where the one of the same id stands. */
    RestoreState begin(BeginRestore begin, String by) throws RestoreRefusedException;

    /** Keeps one chunk of the accounts, once. */
    RestoreState chunk(RestoreChunk chunk, String by) throws RestoreRefusedException;

    /**
     * Keeps one part of a configuration too large for the begin's frame, once (section 6.39). A gateway that takes
     * no configuration in parts refuses it, as the default does.
     */
    default RestoreState configPart(RestoreConfigPart part, String by) throws RestoreRefusedException {
        throw new RestoreRefusedException("UNSUPPORTED", "This gateway takes a restore's configuration in its "
                + "begin only; ask support to restore this site.");
    }

    /**
     * Keeps one part of the replica's ledger, once (section 6.41). A gateway that does not list
     * {@code restore-ledger} is sent none; one that is sent a part anyway refuses it, as the default does.
     */
    default RestoreState ledgerPart(RestoreLedgerPart part, String by) throws RestoreRefusedException {
        throw new RestoreRefusedException("UNSUPPORTED", "This gateway takes the replica's ledger from its tip "
                + "only; restore it without the ledger.");
    }

    /** Takes over the site from a restore whose chunks have all arrived, once. */
    RestoreState finish(FinishRestore finish, String by) throws RestoreRefusedException;

    /** Reads every meter's register over the mesh now. */
    RegistersRead readRegisters() throws RestoreRefusedException;

    /** Posts a reconciliation's lines, all or none, each reference once. */
    ReconciliationPosted post(PostReconciliation post, String by) throws RestoreRefusedException;
}
