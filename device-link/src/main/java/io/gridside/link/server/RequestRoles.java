package io.gridside.link.server;

import io.gridside.link.auth.Role;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.InstallFirmware;
import io.gridside.link.message.StartCampaign;
import io.gridside.link.message.Message;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.message.PostAdjustments;
import io.gridside.link.message.PushTariff;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.SetClock;
import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.FinishRestore;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.message.RestoreConfigPart;
import io.gridside.link.message.RestoreLedgerPart;
import java.util.Map;
import java.util.Set;

/**
 * The role each request needs, which the gateway enforces: a console's own checks would protect nothing. A
 * request not named here is a technician's.
 */
public final class RequestRoles {

    /**
     * Requests that change what the site trusts or how it keeps time, money a technician took or money already
     * charged, payments imported from a file, which no cash limit bounds (the supervisor answers for the file),
     * and those that open or close a customer's account: a move-in may start an account with credit, and a
     * move-out settles one; a tariff version, which re-prices every customer's days; and reads sent from the
     * console, which may re-rate charged days. So is firmware that changes what runs: the gateway's own install and
     * a meter campaign's start; and resuming a campaign (see {@link #needed(Message)}), since a campaign that paused
     * itself stopped on a sign of trouble, and going past it is a supervisor's call. So is every step of restoring
     * a replacement gateway from a replica, which sets every customer's balance.
     */
    private static final Set<Class<? extends Message>> SUPERVISOR_ONLY = Set.of(SetClock.class, CashVoid.class,
            PostPayments.class, MoveIn.class, MoveOut.class, PostAdjustments.class, PushTariff.class,
            PostReadings.class, InstallFirmware.class, StartCampaign.class, BeginRestore.class, RestoreChunk.class,
            FinishRestore.class, PostReconciliation.class, RestoreConfigPart.class, RestoreLedgerPart.class);

    /** What each supervisor's request does, in the words a refusal uses: a technician does not know message names. */
    private static final Map<Class<? extends Message>, String> ACTIONS = Map.ofEntries(
            Map.entry(InstallFirmware.class, "Installing firmware on the gateway"),
            Map.entry(StartCampaign.class, "Starting a meter campaign"),
            Map.entry(SetClock.class, "Setting the gateway's clock"),
            Map.entry(CashVoid.class, "Voiding a cash receipt"),
            Map.entry(PostPayments.class, "Posting imported payments"),
            Map.entry(MoveIn.class, "Moving a customer in"),
            Map.entry(MoveOut.class, "Moving a customer out"),
            Map.entry(PostAdjustments.class, "Posting corrections to the ledger"),
            Map.entry(PushTariff.class, "Sending a tariff version to the gateway"),
            Map.entry(PostReadings.class, "Sending imported or decided reads to the gateway's billing"),
            Map.entry(BeginRestore.class, "Restoring a replacement gateway from the replica"),
            Map.entry(RestoreChunk.class, "Restoring a replacement gateway from the replica"),
            Map.entry(RestoreConfigPart.class, "Restoring a replacement gateway from the replica"),
            Map.entry(RestoreLedgerPart.class, "Restoring a replacement gateway from the replica"),
            Map.entry(FinishRestore.class, "Restoring a replacement gateway from the replica"),
            Map.entry(PostReconciliation.class, "Posting a replacement's reconciliation to the ledger"));

    private RequestRoles() {
    }

    /** What {@code request} does, as a sentence's subject: "Voiding a cash receipt". */
    public static String action(Class<? extends Message> request) {
        return ACTIONS.getOrDefault(request, "A " + request.getSimpleName() + " request");
    }

    /** What {@code request} does, as {@link #action(Class)} says, with a campaign's resume told apart. */
    public static String action(Message request) {
        return resumesCampaign(request) ? "Resuming a meter campaign" : action(request.getClass());
    }

    /** The role {@code request} needs: as {@link #needed(Class)}, except that resuming a campaign is a supervisor's. */
    public static Role needed(Message request) {
        return resumesCampaign(request) ? Role.SUPERVISOR : needed(request.getClass());
    }

    private static boolean resumesCampaign(Message request) {
        return request instanceof ControlCampaign control && control.action() == ControlCampaign.Action.RESUME;
    }

    public static Role needed(Class<? extends Message> request) {
        return SUPERVISOR_ONLY.contains(request) ? Role.SUPERVISOR : Role.TECHNICIAN;
    }

    public static Set<Class<? extends Message>> supervisorOnly() {
        return SUPERVISOR_ONLY;
    }
}
