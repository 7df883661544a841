package io.gridside.sim.replace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.FinishRestore;
import io.gridside.link.message.RegistersRead;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.message.RestoreLedgerPart;
import io.gridside.link.message.RestoreState;
import io.gridside.link.server.RestoreRefusedException;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.ledger.LedgerCheck;
import io.gridside.site.ledger.LedgerLink;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore that carries the replica's whole ledger (section 6.41): checked, kept once, and served from entry 1. */
class ReplacementLedgerTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final String SITE = "site-kisima";
    private static final SiteInfo SITE_INFO = new SiteInfo(SITE, "Kisima", "KES", ZoneId.of("Africa/Nairobi"));
    /** Two openings, then a day of energy and a top-up: 150 entries, three parts. */
    private static final List<LedgerEntry> LEDGER = ledger(150);
    private static final LedgerEntry TIP = LEDGER.get(LEDGER.size() - 1);
    private static final String RESTORE = SITE + ":" + TIP.seq();

    @TempDir
    Path journal;

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private ReplacementGateway gateway = gateway();

    @Test
    void servesTheReplicasWholeLedgerFromEntryOneOnItsOwnChain() throws RestoreRefusedException {
        restore(gateway, LEDGER);

        List<LedgerLink> served = gateway.ledgerLinksAfter(0);

        assertThat(served).extracting(LedgerLink::entry).containsExactlyElementsOf(LEDGER);
        LedgerCheck.Result walk = LedgerCheck.walk(served.stream().map(LedgerLink::entry).toList(),
                served.stream().map(LedgerLink::hash).toList());
        assertThat(walk.intact()).as(walk.problem()).isTrue();
        assertThat(walk.head()).isEqualTo(tipHash(LEDGER).toByteArray());
        assertThat(gateway.profile().capabilities()).contains(RestoreLedgerPart.RESTORE_LEDGER);
    }

    @Test
    void servesTheReadingsTheRestoreCarriedBeforeItsReconciliation() throws RestoreRefusedException {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            readings.add(new Reading("M" + (i % 2 + 1), Reading.intervalStartOf(NOW).minusSeconds(900L * (200 - i / 2)),
                    40, 1_000 + 40L * i, null));
        }
        List<RestoreLedgerPart> parts = RestoreLedgerPart.partsOf(RESTORE, LEDGER, readings);
        gateway.begin(begin(LEDGER, parts.size()), "S-1");
        for (RestoreLedgerPart part : parts) {
            gateway.ledgerPart(part, "S-1");
        }
        gateway.chunk(chunk(), "S-1");
        gateway.finish(new FinishRestore(RESTORE), "S-1");

        assertThat(parts).hasSize(6);
        assertThat(gateway.readings(Instant.EPOCH, NOW, null)).containsExactlyInAnyOrderElementsOf(readings);
        assertThat(gateway.readings(Instant.EPOCH, NOW, "M2")).hasSize(65);
        assertThat(gateway.ledgerLinksAfter(0)).hasSize(LEDGER.size());
    }

    @Test
    void refusesALedgerWhoseEntryWasChangedAndStaysUnrestored() throws RestoreRefusedException {
        List<LedgerEntry> tampered = new ArrayList<>(LEDGER);
        LedgerEntry topUp = tampered.get(99);
        // The top-up credited under another payment's reference: every balance still adds up, only the chain shows it.
        tampered.set(99, new LedgerEntry(topUp.seq(), topUp.at(), topUp.customerId(), topUp.kind(),
                topUp.amountMinor(), topUp.balanceAfterMinor(), "payment:MM-9999"));
        send(gateway, tampered.subList(0, tampered.size() - 1), TIP);

        assertThatThrownBy(() -> gateway.finish(new FinishRestore(RESTORE), "S-1"))
                .isInstanceOf(RestoreRefusedException.class)
                .satisfies(e -> assertThat(((RestoreRefusedException) e).code()).isEqualTo("REPLACE_LEDGER_UNVERIFIED"))
                .hasMessageContaining("hash chain from entry 1 ends at").hasMessageContaining("an entry was changed");
        assertThatThrownBy(() -> gateway.readRegisters()).isInstanceOf(RestoreRefusedException.class);
        assertThat(gateway.ledgerLinksAfter(0)).isEmpty();
    }

    @Test
    void refusesALedgerThatLeavesAnAccountAnotherBalanceThanItsChunk() throws RestoreRefusedException {
        gateway.begin(begin(LEDGER, 3), "S-1");
        RestoreLedgerPart.partsOf(RESTORE, LEDGER).forEach(part -> hold(gateway, part));
        gateway.chunk(new RestoreChunk(RESTORE, 0, List.of(account("C1", balanceOf(LEDGER, "C1") + 100),
                account("C2", balanceOf(LEDGER, "C2")))), "S-1");

        assertThatThrownBy(() -> gateway.finish(new FinishRestore(RESTORE), "S-1"))
                .isInstanceOf(RestoreRefusedException.class)
                .hasMessageContaining("customer C1's entries leave");
    }

    @Test
    void aRestoreInterruptedAndSentAgainKeepsEachEntryOnce() throws RestoreRefusedException {
        List<RestoreLedgerPart> parts = RestoreLedgerPart.partsOf(RESTORE, LEDGER);
        RestoreState first = gateway.begin(begin(LEDGER, parts.size()), "S-1");
        gateway.ledgerPart(parts.get(0), "S-1");
        gateway.ledgerPart(parts.get(2), "S-1");

        // The link dropped; the console begins again and sends what the answer names, and part 0 once more.
        RestoreState again = gateway.begin(begin(LEDGER, parts.size()), "S-1");
        gateway.ledgerPart(parts.get(1), "S-1");
        RestoreState resent = gateway.ledgerPart(parts.get(0), "S-1");
        gateway.chunk(chunk(), "S-1");
        gateway.finish(new FinishRestore(RESTORE), "S-1");
        RestoreState afterApplied = gateway.ledgerPart(parts.get(1), "S-1");

        assertThat(first.ledgerPartsMissing()).containsExactly(0, 1, 2);
        assertThat(again.ledgerPartsMissing()).containsExactly(1);
        assertThat(resent.ledgerPartsMissing()).isEmpty();
        assertThat(afterApplied.applied()).isTrue();
        assertThat(afterApplied.missingLedgerParts()).isNull();
        assertThat(gateway.ledgerLinksAfter(0)).extracting(LedgerLink::entry).containsExactlyElementsOf(LEDGER);
    }

    @Test
    void refusesAPartOfOtherEntriesUnderAnIndexItHolds() throws RestoreRefusedException {
        List<RestoreLedgerPart> parts = RestoreLedgerPart.partsOf(RESTORE, LEDGER);
        gateway.begin(begin(LEDGER, parts.size()), "S-1");
        gateway.ledgerPart(parts.get(0), "S-1");

        assertThatThrownBy(() -> gateway.ledgerPart(new RestoreLedgerPart(RESTORE, 0, parts.get(1).entries()), "S-1"))
                .isInstanceOf(RestoreRefusedException.class)
                .satisfies(e -> assertThat(((RestoreRefusedException) e).code()).isEqualTo("REPLACE_RESTORE_CONFLICT"));
        assertThatThrownBy(() -> gateway.ledgerPart(new RestoreLedgerPart(RESTORE, 3, parts.get(1).entries()), "S-1"))
                .isInstanceOf(RestoreRefusedException.class)
                .satisfies(e -> assertThat(((RestoreRefusedException) e).code()).isEqualTo("REPLACE_INVALID"));
    }

    @Test
    void aGatewayStartedAgainOnItsJournalServesTheSameWholeLedger() throws RestoreRefusedException {
        ReplacementGateway journaled = journaled();
        restore(journaled, LEDGER);
        List<LedgerLink> before = journaled.ledgerLinksAfter(0);
        journaled.closeJournal();

        ReplacementGateway again = journaled();
        try {
            assertThat(again.ledgerLinksAfter(0)).extracting(LedgerLink::entry)
                    .containsExactlyElementsOf(before.stream().map(LedgerLink::entry).toList());
        } finally {
            again.closeJournal();
        }
    }

    @Test
    void aGatewayOfEarlierFirmwareListsNoLedgerAndRefusesAPart() throws RestoreRefusedException {
        gateway.takingNoLedger();
        gateway.begin(begin(LEDGER, 3), "S-1");

        assertThat(gateway.profile().capabilities()).doesNotContain(RestoreLedgerPart.RESTORE_LEDGER);
        assertThatThrownBy(() -> gateway.ledgerPart(RestoreLedgerPart.partsOf(RESTORE, LEDGER).get(0), "S-1"))
                .isInstanceOf(RestoreRefusedException.class)
                .satisfies(e -> assertThat(((RestoreRefusedException) e).code()).isEqualTo("UNSUPPORTED"));
    }

    private void restore(ReplacementGateway target, List<LedgerEntry> ledger) throws RestoreRefusedException {
        send(target, ledger.subList(0, ledger.size() - 1), ledger.get(ledger.size() - 1));
        assertThat(target.finish(new FinishRestore(RESTORE), "S-1").applied()).isTrue();
    }

    /** Begins a restore whose tip is {@code tip}, with the genuine chain's hash, and sends {@code before} and it. */
    private void send(ReplacementGateway target, List<LedgerEntry> before, LedgerEntry tip)
            throws RestoreRefusedException {
        List<LedgerEntry> ledger = new ArrayList<>(before);
        ledger.add(tip);
        List<RestoreLedgerPart> parts = RestoreLedgerPart.partsOf(RESTORE, ledger);
        target.begin(begin(LEDGER, parts.size()), "S-1");
        for (RestoreLedgerPart part : parts) {
            target.ledgerPart(part, "S-1");
        }
        target.chunk(chunk(), "S-1");
    }

    private static void hold(ReplacementGateway target, RestoreLedgerPart part) {
        try {
            target.ledgerPart(part, "S-1");
        } catch (RestoreRefusedException e) {
            throw new AssertionError(e);
        }
    }

    private ReplacementGateway gateway() {
        return new ReplacementGateway(SITE, "GW-NEW001", SigningKey.fromSeed(ByteString.fromHex("5a".repeat(32))),
                DemoOperator.trusted(), clock, ReplacementLedgerTest::register);
    }

    private ReplacementGateway journaled() {
        return ReplacementGateway.journaled(SITE, "GW-NEW001", SigningKey.fromSeed(ByteString.fromHex("5a".repeat(32))),
                DemoOperator.trusted(), clock, ReplacementLedgerTest::register, journal);
    }

    private static Optional<RegistersRead.Register> register(String meterId, Instant at) {
        return Optional.of(new RegistersRead.Register(meterId, 48_000, at.minusSeconds(420)));
    }

    private static BeginRestore begin(List<LedgerEntry> ledger, int parts) {
        LedgerEntry tip = ledger.get(ledger.size() - 1);
        return new BeginRestore(RESTORE, SITE_INFO, new Tariff("flat", "KES", 2_500, 1_000, 5_000), tip,
                tipHash(ledger), 1).withLedgerParts(parts);
    }

    private static RestoreChunk chunk() {
        return new RestoreChunk(RESTORE, 0, List.of(account("C1", balanceOf(LEDGER, "C1")),
                account("C2", balanceOf(LEDGER, "C2"))));
    }

    private static RestoreChunk.Account account(String customerId, long balance) {
        return new RestoreChunk.Account(new Customer(customerId, "Customer " + customerId, CustomerCategory.HOUSEHOLD),
                new Meter("M" + customerId.substring(1), "SN-M" + customerId.substring(1), customerId, "GW-NEW001",
                        -70), balance);
    }

    private static long balanceOf(List<LedgerEntry> ledger, String customerId) {
        return LedgerCheck.walk(ledger, Collections.nCopies(ledger.size(), null)).balances().get(customerId);
    }

    private static ByteString tipHash(List<LedgerEntry> ledger) {
        List<byte[]> heads = LedgerChain.heads(LedgerChain.genesis(), ledger);
        return ByteString.of(heads.get(heads.size() - 1));
    }

    /** Openings of C1 and C2, then energy charged to each in turn and a top-up every tenth entry. */
    private static List<LedgerEntry> ledger(int size) {
        List<LedgerEntry> entries = new ArrayList<>();
        long[] balances = {5_000, 3_000};
        Instant start = NOW.minusSeconds(900L * size);
        entries.add(new LedgerEntry(1, start, "C1", EntryKind.OPENING, 5_000, 5_000, "opening:C1"));
        entries.add(new LedgerEntry(2, start, "C2", EntryKind.OPENING, 3_000, 3_000, "opening:C2"));
        for (int seq = 3; seq <= size; seq++) {
            int who = seq % 2;
            boolean topUp = seq % 10 == 0;
            long amount = topUp ? 1_000 : -25;
            balances[who] += amount;
            entries.add(new LedgerEntry(seq, start.plusSeconds(900L * seq), "C" + (who + 1),
                    topUp ? EntryKind.TOP_UP : EntryKind.ENERGY, amount, balances[who],
                    topUp ? "payment:MM-" + seq : "energy:" + seq));
        }
        return entries;
    }
}
