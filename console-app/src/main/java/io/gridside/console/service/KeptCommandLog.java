package io.gridside.console.service;

import io.gridside.link.message.CommandsBatch;
import io.gridside.site.store.KeptCommands;
import io.gridside.site.store.SiteStore;
import java.util.List;

/**
 * The gateway's command log as the site database keeps it (decision 0090): every command the console read, as it
 * was received, so that the audit of a site whose gateway died can check the dead gateway's part of the ledger.
 * Nothing kept is trusted as kept: {@link CommandAudit} checks each one's signatures again.
 */
public final class KeptCommandLog {

    private KeptCommandLog() {
    }

    /** Keeps what {@code gatewayId}'s log held, {@code log}; returns how many commands were not kept already. */
    public static int keep(SiteStore store, String gatewayId, List<CommandsBatch.Entry> log) {
        return store.keptCommands().keep(log.stream().map(entry -> new KeptCommands.Kept(gatewayId, entry.seq(),
                entry.takenAt(), entry.command(), entry.signature(), entry.credential(), entry.credentialSignature(),
                entry.answerType(), entry.answer())).toList());
    }

    /** The commands kept from the site's gateways other than {@code gatewayId}, as their logs held them. */
    public static List<CommandsBatch.Entry> otherThan(SiteStore store, String gatewayId) {
        return store.keptCommands().otherThan(gatewayId).stream().map(kept -> new CommandsBatch.Entry(kept.seq(),
                kept.takenAt(), kept.command(), kept.signature(), kept.credential(), kept.credentialSignature(),
                kept.answerType(), kept.answer())).toList();
    }
}
