package io.gridside.link.message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every message type of the link protocol with its wire code and schema version. Codes are written out here
 * and never derived, so reordering code cannot change the wire.
 */
public final class MessageCatalogue {

    /** One row of the catalogue: the message's wire code, its schema version and its priority class. */
    public record Entry(int code, Class<? extends Message> type, int schemaVersion, Priority priority) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(0x01, Hello.class, 2, Priority.CONTROL),
            new Entry(0x02, HelloReply.class, 2, Priority.CONTROL),
            new Entry(0x03, ErrorReply.class, 1, Priority.CONTROL),
            new Entry(0x04, Ping.class, 1, Priority.CONTROL),
            new Entry(0x05, Pong.class, 1, Priority.CONTROL),
            new Entry(0x06, Cancel.class, 1, Priority.CONTROL),
            new Entry(0x07, StreamEnd.class, 1, Priority.CONTROL),
            new Entry(0x10, GetSite.class, 1, Priority.CONTROL),
            new Entry(0x11, SiteReply.class, 2, Priority.CONTROL),
            new Entry(0x12, GetMeterStatus.class, 1, Priority.BILLING),
            new Entry(0x13, MeterStatusBatch.class, 3, Priority.BILLING),
            new Entry(0x14, GetRoster.class, 2, Priority.BILLING),
            new Entry(0x15, RosterBatch.class, 2, Priority.BILLING),
            new Entry(0x20, GetReadings.class, 2, Priority.BULK),
            new Entry(0x21, ReadingsBatch.class, 2, Priority.BULK),
            new Entry(0x22, GetLedger.class, 1, Priority.BILLING),
            new Entry(0x23, LedgerBatch.class, 4, Priority.BILLING),
            new Entry(0x30, SetClock.class, 1, Priority.CONTROL),
            new Entry(0x31, ClockSet.class, 1, Priority.CONTROL),
            new Entry(0x40, CashTopUp.class, 1, Priority.BILLING),
            new Entry(0x41, CashReceipt.class, 2, Priority.BILLING),
            new Entry(0x50, GetEvents.class, 1, Priority.EVENTS),
            new Entry(0x51, EventsBatch.class, 1, Priority.EVENTS),
            new Entry(0x52, GetHealth.class, 1, Priority.CONTROL),
            new Entry(0x53, GatewayHealth.class, 2, Priority.CONTROL),
            new Entry(0x54, GetTopology.class, 2, Priority.EVENTS),
            new Entry(0x55, TopologyBatch.class, 2, Priority.EVENTS),
            new Entry(0x56, GetDayDigests.class, 1, Priority.EVENTS),
            new Entry(0x57, DayDigestsBatch.class, 1, Priority.EVENTS),
            new Entry(0x58, GetMeshDay.class, 1, Priority.EVENTS),
            new Entry(0x59, MeshDayBatch.class, 1, Priority.EVENTS),
            new Entry(0x5A, GetBillingConfig.class, 1, Priority.BILLING),
            new Entry(0x5B, BillingConfigBatch.class, 1, Priority.BILLING),
            new Entry(0x5C, CashVoid.class, 1, Priority.BILLING),
            new Entry(0x5D, CashVoided.class, 1, Priority.BILLING),
            new Entry(0x5E, GetCashBook.class, 1, Priority.BILLING),
            new Entry(0x5F, CashBookBatch.class, 1, Priority.BILLING),
            new Entry(0x68, PostPayments.class, 1, Priority.BILLING),
            new Entry(0x69, PaymentsPosted.class, 1, Priority.BILLING),
            new Entry(0x60, ExchangeMeter.class, 1, Priority.BILLING),
            new Entry(0x61, MeterExchanged.class, 1, Priority.BILLING),
            new Entry(0x62, MoveOut.class, 1, Priority.BILLING),
            new Entry(0x63, FinalStatement.class, 2, Priority.BILLING),
            new Entry(0x64, MoveIn.class, 1, Priority.BILLING),
            new Entry(0x65, MovedIn.class, 1, Priority.BILLING),
            new Entry(0x66, GetRelayCommands.class, 1, Priority.BILLING),
            new Entry(0x67, RelayCommandsBatch.class, 1, Priority.BILLING),
            new Entry(0x70, GetLedgerDayDigests.class, 1, Priority.BILLING),
            new Entry(0x71, LedgerDayDigestsBatch.class, 1, Priority.BILLING),
            new Entry(0x72, GetLedgerDays.class, 1, Priority.BILLING),
            new Entry(0x73, PostAdjustments.class, 1, Priority.BILLING),
            new Entry(0x74, GetGapFills.class, 1, Priority.BILLING),
            new Entry(0x75, GapFillsBatch.class, 1, Priority.BILLING),
            new Entry(0x76, PushTariff.class, 1, Priority.BILLING),
            new Entry(0x77, TariffPushed.class, 1, Priority.BILLING),
            new Entry(0x78, SignedCommand.class, 1, Priority.BILLING),
            new Entry(0x79, GetCommands.class, 1, Priority.BILLING),
            new Entry(0x7A, CommandsBatch.class, 1, Priority.BILLING),
            new Entry(0x7B, PostReadings.class, 1, Priority.BILLING),
            new Entry(0x7C, ReadingsTaken.class, 1, Priority.BILLING),
            new Entry(0x7D, GetImportedPayments.class, 1, Priority.BILLING),
            new Entry(0x80, GetFirmware.class, 1, Priority.CONTROL),
            new Entry(0x81, FirmwareState.class, 1, Priority.CONTROL),
            new Entry(0x82, OfferFirmware.class, 1, Priority.CONTROL),
            new Entry(0x83, FirmwareOffered.class, 1, Priority.CONTROL),
            new Entry(0x84, FirmwareChunk.class, 1, Priority.BULK),
            new Entry(0x85, ChunkHeld.class, 1, Priority.CONTROL),
            new Entry(0x86, InstallFirmware.class, 1, Priority.CONTROL),
            new Entry(0x87, FirmwareInstalled.class, 1, Priority.CONTROL),
            new Entry(0x88, GetFleet.class, 1, Priority.EVENTS),
            new Entry(0x89, FleetBatch.class, 1, Priority.EVENTS),
            new Entry(0x8A, StartCampaign.class, 1, Priority.CONTROL),
            new Entry(0x8B, CampaignReply.class, 1, Priority.CONTROL),
            new Entry(0x8C, ControlCampaign.class, 1, Priority.CONTROL),
            new Entry(0x8D, GetCampaign.class, 1, Priority.CONTROL),
            new Entry(0x90, PushRevocations.class, 1, Priority.CONTROL),
            new Entry(0x91, RevocationsHeld.class, 1, Priority.CONTROL),
            new Entry(0x92, GetRevocations.class, 1, Priority.CONTROL),
            new Entry(0x94, SetUpSite.class, 1, Priority.CONTROL),
            new Entry(0x95, SiteSetUp.class, 1, Priority.CONTROL),
            new Entry(0x96, GetJoinedMeters.class, 1, Priority.EVENTS),
            new Entry(0x97, JoinedMetersBatch.class, 1, Priority.EVENTS),
            new Entry(0x98, CommissionMeter.class, 1, Priority.BILLING),
            new Entry(0x99, MeterCommissioned.class, 1, Priority.BILLING),
            new Entry(0x9A, TestRelay.class, 1, Priority.CONTROL),
            new Entry(0x9B, RelayTested.class, 1, Priority.CONTROL),
            new Entry(0x9C, GoLive.class, 1, Priority.BILLING),
            new Entry(0x9D, WentLive.class, 1, Priority.BILLING),
            new Entry(0x9E, GetCommissioning.class, 1, Priority.CONTROL),
            new Entry(0x9F, CommissioningState.class, 1, Priority.CONTROL),
            new Entry(0xA0, BeginRestore.class, 4, Priority.BILLING),
            new Entry(0xA1, RestoreChunk.class, 2, Priority.BILLING),
            new Entry(0xA2, RestoreState.class, 3, Priority.BILLING),
            new Entry(0xA3, FinishRestore.class, 1, Priority.BILLING),
            new Entry(0xA4, ReadRegisters.class, 1, Priority.BILLING),
            new Entry(0xA5, RegistersRead.class, 1, Priority.BILLING),
            new Entry(0xA6, PostReconciliation.class, 5, Priority.BILLING),
            new Entry(0xA7, ReconciliationPosted.class, 1, Priority.BILLING),
            new Entry(0xAB, RestoreConfigPart.class, 1, Priority.BILLING),
            new Entry(0xAC, RestoreLedgerPart.class, 1, Priority.BULK));

    private static final Map<Integer, Entry> BY_CODE = new HashMap<>();
    private static final Map<Class<?>, Entry> BY_TYPE = new HashMap<>();

    static {
        for (Entry entry : ENTRIES) {
            if (BY_CODE.put(entry.code(), entry) != null || BY_TYPE.put(entry.type(), entry) != null) {
                throw new ExceptionInInitializerError("Duplicate entry in the message catalogue: " + entry);
            }
        }
    }

    private MessageCatalogue() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static int codeOf(Message message) {
        return codeOf(message.getClass());
    }

    public static int codeOf(Class<? extends Message> type) {
        return BY_TYPE.get(type).code();
    }

    /** The priority class a message travels in when nothing else decides. */
    public static Priority priorityOf(Message message) {
        return BY_TYPE.get(message.getClass()).priority();
    }

    /** The catalogue entry for a wire code, or null when this build does not know the code. */
    public static Entry byCode(int code) {
        return BY_CODE.get(code);
    }
}
