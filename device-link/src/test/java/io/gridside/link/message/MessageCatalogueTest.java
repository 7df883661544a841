package io.gridside.link.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCatalogueTest {

    @Test
    void keepsEveryWireCodeAsWrittenOut() {
        // Changing a line here changes the wire: a deployed gateway would no longer understand the console.
        assertThat(MessageCatalogue.entries())
                .extracting(MessageCatalogue.Entry::code, MessageCatalogue.Entry::type,
                        MessageCatalogue.Entry::schemaVersion)
                .containsExactly(
                        tuple(0x01, Hello.class, 2),
                        tuple(0x02, HelloReply.class, 2),
                        tuple(0x03, ErrorReply.class, 1),
                        tuple(0x04, Ping.class, 1),
                        tuple(0x05, Pong.class, 1),
                        tuple(0x06, Cancel.class, 1),
                        tuple(0x07, StreamEnd.class, 1),
                        tuple(0x10, GetSite.class, 1),
                        tuple(0x11, SiteReply.class, 2),
                        tuple(0x12, GetMeterStatus.class, 1),
                        tuple(0x13, MeterStatusBatch.class, 3),
                        tuple(0x14, GetRoster.class, 2),
                        tuple(0x15, RosterBatch.class, 2),
                        tuple(0x20, GetReadings.class, 2),
                        tuple(0x21, ReadingsBatch.class, 2),
                        tuple(0x22, GetLedger.class, 1),
                        tuple(0x23, LedgerBatch.class, 4),
                        tuple(0x30, SetClock.class, 1),
                        tuple(0x31, ClockSet.class, 1),
                        tuple(0x40, CashTopUp.class, 1),
                        tuple(0x41, CashReceipt.class, 2),
                        tuple(0x50, GetEvents.class, 1),
                        tuple(0x51, EventsBatch.class, 1),
                        tuple(0x52, GetHealth.class, 1),
                        tuple(0x53, GatewayHealth.class, 2),
                        tuple(0x54, GetTopology.class, 2),
                        tuple(0x55, TopologyBatch.class, 2),
                        tuple(0x56, GetDayDigests.class, 1), tuple(0x57, DayDigestsBatch.class, 1),
                        tuple(0x58, GetMeshDay.class, 1), tuple(0x59, MeshDayBatch.class, 1),
                        tuple(0x5A, GetBillingConfig.class, 1), tuple(0x5B, BillingConfigBatch.class, 1),
                        tuple(0x5C, CashVoid.class, 1),
                        tuple(0x5D, CashVoided.class, 1),
                        tuple(0x5E, GetCashBook.class, 1),
                        tuple(0x5F, CashBookBatch.class, 1),
                        tuple(0x68, PostPayments.class, 1), tuple(0x69, PaymentsPosted.class, 1),
                        tuple(0x60, ExchangeMeter.class, 1), tuple(0x61, MeterExchanged.class, 1),
                        tuple(0x62, MoveOut.class, 1), tuple(0x63, FinalStatement.class, 2),
                        tuple(0x64, MoveIn.class, 1), tuple(0x65, MovedIn.class, 1),
                        tuple(0x66, GetRelayCommands.class, 1), tuple(0x67, RelayCommandsBatch.class, 1),
                        tuple(0x70, GetLedgerDayDigests.class, 1), tuple(0x71, LedgerDayDigestsBatch.class, 1),
                        tuple(0x72, GetLedgerDays.class, 1), tuple(0x73, PostAdjustments.class, 1),
                        tuple(0x74, GetGapFills.class, 1), tuple(0x75, GapFillsBatch.class, 1),
                        tuple(0x76, PushTariff.class, 1), tuple(0x77, TariffPushed.class, 1),
                        tuple(0x78, SignedCommand.class, 1), tuple(0x79, GetCommands.class, 1),
                        tuple(0x7A, CommandsBatch.class, 1),
                        tuple(0x7B, PostReadings.class, 1), tuple(0x7C, ReadingsTaken.class, 1),
                        tuple(0x7D, GetImportedPayments.class, 1),
                        tuple(0x80, GetFirmware.class, 1), tuple(0x81, FirmwareState.class, 1),
                        tuple(0x82, OfferFirmware.class, 1), tuple(0x83, FirmwareOffered.class, 1),
                        tuple(0x84, FirmwareChunk.class, 1), tuple(0x85, ChunkHeld.class, 1),
                        tuple(0x86, InstallFirmware.class, 1), tuple(0x87, FirmwareInstalled.class, 1),
                        tuple(0x88, GetFleet.class, 1), tuple(0x89, FleetBatch.class, 1),
                        tuple(0x8A, StartCampaign.class, 1), tuple(0x8B, CampaignReply.class, 1),
                        tuple(0x8C, ControlCampaign.class, 1), tuple(0x8D, GetCampaign.class, 1),
                        tuple(0x90, PushRevocations.class, 1), tuple(0x91, RevocationsHeld.class, 1),
                        tuple(0x92, GetRevocations.class, 1),
                        tuple(0x94, SetUpSite.class, 1), tuple(0x95, SiteSetUp.class, 1),
                        tuple(0x96, GetJoinedMeters.class, 1), tuple(0x97, JoinedMetersBatch.class, 1),
                        tuple(0x98, CommissionMeter.class, 1), tuple(0x99, MeterCommissioned.class, 1),
                        tuple(0x9A, TestRelay.class, 1), tuple(0x9B, RelayTested.class, 1),
                        tuple(0x9C, GoLive.class, 1), tuple(0x9D, WentLive.class, 1),
                        tuple(0x9E, GetCommissioning.class, 1), tuple(0x9F, CommissioningState.class, 1),
                        tuple(0xA0, BeginRestore.class, 4), tuple(0xA1, RestoreChunk.class, 2),
                        tuple(0xA2, RestoreState.class, 3), tuple(0xA3, FinishRestore.class, 1),
                        tuple(0xA4, ReadRegisters.class, 1), tuple(0xA5, RegistersRead.class, 1),
                        tuple(0xA6, PostReconciliation.class, 5), tuple(0xA7, ReconciliationPosted.class, 1),
                        tuple(0xAB, RestoreConfigPart.class, 1), tuple(0xAC, RestoreLedgerPart.class, 1));
    }

    @Test
    void givesEachCodeToOneTypeOnly() {
        List<Integer> codes = MessageCatalogue.entries().stream().map(MessageCatalogue.Entry::code).toList();

        assertThat(codes).doesNotHaveDuplicates().allSatisfy(code -> assertThat(code).isBetween(0x01, 0xFF));
    }

    @Test
    void listsEveryMessageTypeExactlyOnce() {
        List<Class<?>> listed = MessageCatalogue.entries().stream()
                .<Class<?>>map(MessageCatalogue.Entry::type).toList();

        assertThat(listed).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Message.class.getPermittedSubclasses()));
    }

    @Test
    void findsEachEntryByItsCode() {
        for (MessageCatalogue.Entry entry : MessageCatalogue.entries()) {
            assertThat(MessageCatalogue.byCode(entry.code())).isSameAs(entry);
        }
    }

    @Test
    void knowsNothingOfUnlistedCodes() {
        assertThat(MessageCatalogue.byCode(0x00)).isNull();
        assertThat(MessageCatalogue.byCode(0x08)).isNull();
        assertThat(MessageCatalogue.byCode(0xFF)).isNull();
    }
}
