package io.gridside.console.service;

import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.CommandsBatch;
import io.gridside.link.message.HelloReply;
import io.gridside.site.store.KeptCommands;
import io.gridside.site.store.SiteStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's command log as the site database keeps it (decisions 0090 and 0092): every command the console read,
 * by whichever path read it (a pull, an audit, the list of commands, a reconciliation), as it was received, so that
 * the audit of a site whose gateway died can check the dead gateway's part of the ledger. Nothing kept is trusted as
 * kept: {@link CommandAudit} checks each one's signatures again.
 */
public final class KeptCommandLog {

    /** The capability of a gateway that takes cash, and so keeps a log of the signed commands that move money. */
    static final String TAKES_CASH = "cash-top-up";

    private static final Logger LOG = LoggerFactory.getLogger(KeptCommandLog.class);

    /**
     * What one read of a gateway's command log brought.
     *
     * @param received the commands the gateway sent
     * @param kept of those, the ones the site database did not hold yet
     */
    public record Read(long received, long kept) {

        /** Nothing asked for: a gateway that takes no cash, or a database of another site or gateway. */
        public static final Read NONE = new Read(0, 0);
    }

    private KeptCommandLog() {
    }

    /**
     * Reads the commands {@code client}'s gateway logged after the last one kept from it and keeps them, each batch
     * as it arrives, so that a dropped link keeps what came before and reading again brings only what is new. A
     * gateway that takes no cash is not asked (one in its setup keeps no log), nor one that {@code store} does not
     * follow.
     */
    public static Read pull(GatewayClient client, SiteStore store, CancelSignal cancel) throws LinkException {
        HelloReply hello = client.hello();
        if (!hello.capabilities().contains(TAKES_CASH) || !follows(store, hello)) {
            return Read.NONE;
        }
        // KNOWN SHORTCOMING: the last place kept is trusted; a row added to the database by hand with a far place
        // stops later pulls from keeping this gateway's commands. The audit reads the whole log and still keeps them.
        long[] kept = {0};
        long received = client.billing().commands(store.keptCommands().lastSeq(hello.gatewayId()),
                (batch, count, total) -> kept[0] += keep(store, hello.gatewayId(), batch), cancel);
        return new Read(received, kept[0]);
    }

    /**
     * Keeps what the log of {@code hello}'s gateway held, {@code log}, when {@code store} follows that gateway of
     * that site; returns how many commands were not kept already. A database of another site, or one that holds
     * no site yet, keeps nothing: a command of another site would not check out there and would fail its audit.
     */
    public static int keepRead(SiteStore store, HelloReply hello, List<CommandsBatch.Entry> log) {
        if (!follows(store, hello)) {
            LOG.info("Kept none of the {} commands of gateway {}: the site database {} does not follow it.",
                    log.size(), hello.gatewayId(), store.file());
            return 0;
        }
        return keep(store, hello.gatewayId(), log);
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

    /** Whether {@code store} holds the site of {@code hello} and follows its gateway, as a pull into it checks. */
    private static boolean follows(SiteStore store, HelloReply hello) {
        return store.site().filter(site -> site.siteId().equals(hello.siteId())).isPresent()
                && store.gatewayId().filter(hello.gatewayId()::equals).isPresent();
    }
}
