package io.gridside.sim.replace;

import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.FinishRestore;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCatalogue;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.ReadRegisters;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.message.RestoreConfigPart;
import io.gridside.link.message.RestoreLedgerPart;
import io.gridside.link.message.SetClock;
import io.gridside.link.server.CashAllowance;
import io.gridside.link.server.CashRefusedException;
import io.gridside.link.server.RestoreRefusedException;
import io.gridside.sim.FreshJournal;
import io.gridside.sim.journal.GatewayInputs;
import io.gridside.sim.journal.JournalCommandLog;
import io.gridside.sim.journal.JournalException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replacement gateway's journal, as the simulated gateways keep theirs ({@link GatewayInputs}): every request that
 * changed what it holds (the restore's begin, chunks, configuration and ledger parts and finish, each register read,
 * each reconciliation, cash taken and voided, payments imported, each clock setting), with the simulation's time it
 * came at and who sent it, written before the gateway answers. A replacement started again on it takes the same
 * requests again at the same times, answering nothing: its restore, its reconciliation and its own billing come back
 * entry for entry on the continued chain, each receipt and payment once, and it bills on from there (decision 0081).
 * The gateway holds its clock still while it serves such a request, so the time kept is the time it dated everything
 * the request posted (decision 0089).
 *
 * <p>Its billing is a function of these requests and of the site's meters, which the simulation rebuilds from the
 * site's seed; so a journal resumes only beside the same site (spec and seed), as a simulated gateway's does. The
 * journal is of one site: opened for another, it refuses.
 */
public final class ReplacementJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplacementJournal.class);
    private static final String SITE_PREFIX = "replacement:";
    /** Between the parts of a cash allowance kept as a request's sender. */
    private static final String SEPARATOR = "\t";

    private final Path directory;
    private final GatewayInputs inputs;
    /** The signed commands the gateway took, kept beside its requests as a simulated gateway keeps its own. */
    private final JournalCommandLog commandLog;
    private boolean replaying;

    private ReplacementJournal(Path directory, GatewayInputs inputs) {
        this.directory = directory;
        this.inputs = inputs;
        this.commandLog = JournalCommandLog.open(directory);
    }

    /**
     * Opens the journal in {@code directory}, or begins one there for the replacement gateway of site
     * {@code siteId}.
     *
     * @param now the simulation's time, which a new journal keeps as when it began
     * @throws JournalException when the journal there was kept for another site
     */
    public static ReplacementJournal open(Path directory, String siteId, Instant now) {
        GatewayInputs inputs = GatewayInputs.open(directory);
        String siteKey = SITE_PREFIX + siteId;
        if (inputs.site().isEmpty()) {
            inputs.recordSite(siteKey, now);
        } else if (!inputs.site().get().siteKey().equals(siteKey)) {
            String kept = inputs.site().get().siteKey();
            inputs.close();
            throw new JournalException("The journal in " + directory + " was kept by another gateway (" + kept
                    + ", not " + siteKey + "); start the replacement of the same site on it, or give another "
                    + "directory.");
        }
        return new ReplacementJournal(directory, inputs);
    }

    /** When the journal began: when the gateway was first mounted, which a start again does not move. */
    Instant began() {
        return inputs.site().orElseThrow().now();
    }

    /**
     * The log of the signed commands the gateway took (cash, voids, payments pushed), kept in the journal's
     * directory: a replay takes the requests again but logs no command, so the log itself must last for an audit to
     * find the command behind each payment after the gateway started again.
     */
    JournalCommandLog commandLog() {
        return commandLog;
    }

    /** Keeps {@code request}, which the gateway took at the simulation's {@code at} from {@code by}. */
    void took(Message request, Instant at, String by) {
        if (!replaying) {
            inputs.append(new GatewayInputs.Input(at, MessageCatalogue.codeOf(request), by,
                    MessageCodec.encode(request)));
        }
    }

    /** Keeps cash taken under {@code allowance}, which a replay takes under the same. */
    void tookCash(CashTopUp request, Instant at, CashAllowance allowance) {
        took(request, at, String.join(SEPARATOR, allowance.technicianId(), allowance.credentialId(),
                Long.toString(allowance.limitMinor())));
    }

    /**
     * Takes every request kept again on {@code gateway}, in order, each with {@code clock} held at its own time,
     * keeping none of them twice.
     *
     * @throws JournalException when a request kept is refused when taken again
     */
    void replay(ReplacementGateway gateway, FreshJournal.PinnedClock clock) {
        List<GatewayInputs.Input> taken = inputs.inputs();
        replaying = true;
        try {
            for (GatewayInputs.Input input : taken) {
                clock.pin(input.clock());
                try {
                    takeAgain(gateway, MessageCodec.decode(input.code(), input.payload()), input.actor());
                } catch (RestoreRefusedException | CashRefusedException e) {
                    JournalException refused = new JournalException("A request the journal in " + directory
                            + " kept was refused when taken again (" + e.getMessage() + "); start the replacement "
                            + "on another directory.");
                    refused.initCause(e);
                    throw refused;
                } finally {
                    clock.unpin();
                }
            }
        } finally {
            replaying = false;
        }
        if (!taken.isEmpty()) {
            LOG.info("The replacement gateway took the {} requests of its journal again.", taken.size());
        }
    }

    private static void takeAgain(ReplacementGateway gateway, Message request, String by)
            throws RestoreRefusedException, CashRefusedException {
        if (request instanceof BeginRestore begin) {
            gateway.begin(begin, by);
        } else if (request instanceof RestoreChunk chunk) {
            gateway.chunk(chunk, by);
        } else if (request instanceof RestoreConfigPart part) {
            gateway.configPart(part, by);
        } else if (request instanceof RestoreLedgerPart part) {
            gateway.ledgerPart(part, by);
        } else if (request instanceof FinishRestore finish) {
            gateway.finish(finish, by);
        } else if (request instanceof ReadRegisters) {
            gateway.readRegisters();
        } else if (request instanceof PostReconciliation post) {
            gateway.post(post, by);
        } else if (request instanceof CashTopUp cash) {
            String[] allowance = by.split(SEPARATOR, 3);
            gateway.creditCash(cash, new CashAllowance(allowance[0], allowance[1], Long.parseLong(allowance[2])));
        } else if (request instanceof CashVoid cashVoid) {
            gateway.voidCash(cashVoid, by);
        } else if (request instanceof PostPayments payments) {
            gateway.postPayments(payments);
        } else if (request instanceof SetClock set) {
            gateway.setClock(set.clock());
        } else {
            throw new JournalException("The journal holds a request a replacement gateway never keeps: " + request
                    + ".");
        }
    }

    @Override
    public void close() {
        inputs.close();
        commandLog.close();
    }
}
