package io.gridside.link.message;

/**
 * A message of the link protocol. Every type is listed, with its wire code, in {@link MessageCatalogue}.
 */
public sealed interface Message permits Hello, HelloReply, ErrorReply, Ping, Pong, GetSite, SiteReply, GetRoster,
        RosterBatch,
        GetMeterStatus, MeterStatusBatch, GetReadings, ReadingsBatch, GetLedger, LedgerBatch, StreamEnd,
        Cancel, SetClock, ClockSet, CashTopUp, CashReceipt, GetEvents, EventsBatch,
        GetTopology, TopologyBatch, GetHealth, GatewayHealth, GetDayDigests, DayDigestsBatch, GetMeshDay,
        MeshDayBatch, GetBillingConfig, BillingConfigBatch, CashVoid, CashVoided, GetCashBook, CashBookBatch,
        PostPayments, PaymentsPosted, ExchangeMeter, MeterExchanged, MoveOut, FinalStatement, MoveIn, MovedIn,
        GetRelayCommands, RelayCommandsBatch, GetLedgerDayDigests, LedgerDayDigestsBatch, GetLedgerDays,
        PostAdjustments, GetGapFills, GapFillsBatch, PushTariff, TariffPushed, SignedCommand, GetCommands,
        CommandsBatch, PostReadings, ReadingsTaken, GetImportedPayments, GetFirmware, FirmwareState, OfferFirmware,
        FirmwareOffered, FirmwareChunk, ChunkHeld, InstallFirmware, FirmwareInstalled, GetFleet, FleetBatch,
        StartCampaign, CampaignReply, ControlCampaign, GetCampaign, PushRevocations, RevocationsHeld,
        GetRevocations, SetUpSite, SiteSetUp, GetJoinedMeters, JoinedMetersBatch, CommissionMeter, MeterCommissioned,
        TestRelay, RelayTested, GoLive, WentLive, GetCommissioning, CommissioningState, BeginRestore, RestoreChunk,
        RestoreState, FinishRestore, ReadRegisters, RegistersRead, PostReconciliation, ReconciliationPosted,
        RestoreConfigPart, RestoreLedgerPart {
}
