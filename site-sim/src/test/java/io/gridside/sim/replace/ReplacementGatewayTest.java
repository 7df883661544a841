package io.gridside.sim.replace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.SigningKey;
import io.gridside.billing.CreditTerms;
import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.BillingConfigBatch;
import io.gridside.link.message.DebtOwed;
import io.gridside.link.message.FinishRestore;
import io.gridside.link.message.MeshDayBatch;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.ReconciliationPosted;
import io.gridside.link.message.RegistersRead;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.message.RestoreConfigPart;
import io.gridside.link.message.RestoreState;
import io.gridside.link.server.RestoreRefusedException;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.site.CreditState;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.Debt;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.RelayState;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.ledger.LedgerLink;
import io.gridside.site.tariff.TariffSchedule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The simulated replacement gateway's side of a restore: each step once, and each refusal by its code. */
class ReplacementGatewayTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final String SITE = "site-kisima";
    private static final String RESTORE = SITE + ":41";
    private static final ByteString TIP = ByteString.of(LedgerChain.link(LedgerChain.genesis(),
            new LedgerEntry(1, NOW, "C1", EntryKind.OPENING, 500, 500, "opening")));
    private static final SiteInfo SITE_INFO = new SiteInfo(SITE, "Kisima", "KES", ZoneId.of("Africa/Nairobi"));

    private final ReplacementGateway gateway = new ReplacementGateway(SITE, "GW-NEW001",
            SigningKey.fromSeed(ByteString.fromHex("5a".repeat(32))), DemoOperator.trusted(), SimClock.manual(NOW),
            (meterId, at) -> meterId.equals("M2") ? Optional.empty()
                    : Optional.of(new RegistersRead.Register(meterId, 48_000, at.minusSeconds(420))));

    @Test
    void continuesTheReplicasChainAfterItsTip() throws RestoreRefusedException {
        restore();

        ReconciliationPosted posted = gateway.post(reconciliation(line("C1", -1_200, "gap:M1:41:energy")), "S-1");

        LedgerEntry first = posted.entries().get(0);
        assertThat(first.seq()).isEqualTo(42);
        assertThat(first.balanceAfterMinor()).isEqualTo(12_500 - 1_200);
        assertThat(posted.hashes().get(0).toByteArray()).isEqualTo(LedgerChain.link(TIP.toByteArray(), first));
        assertThat(gateway.ledgerLinksAfter(41)).extracting(LedgerLink::entry).containsExactly(first);
        assertThat(gateway.ledgerLinksAfter(40)).extracting(LedgerLink::entry).containsExactly(tip(41), first);
    }

    @Test
    void keepsEachChunkOnceAndSaysWhichAreMissing() throws RestoreRefusedException {
        gateway.begin(begin(2), "S-1");

        RestoreState afterFirst = gateway.chunk(chunk(0, "C1", "M1"), "S-1");
        RestoreState again = gateway.chunk(chunk(0, "C1", "M1"), "S-1");
        RestoreState begunAgain = gateway.begin(begin(2), "S-1");

        assertThat(afterFirst.missingChunks()).containsExactly(1);
        assertThat(again).isEqualTo(afterFirst);
        assertThat(begunAgain.missingChunks()).containsExactly(1);
        assertRefused(() -> gateway.finish(new FinishRestore(RESTORE), "S-1"), "REPLACE_CHUNKS_MISSING");
    }

    @Test
    void appliesARestoreOnceAndRefusesAnother() throws RestoreRefusedException {
        restore();

        RestoreState finishedAgain = gateway.finish(new FinishRestore(RESTORE), "S-1");

        assertThat(finishedAgain.applied()).isTrue();
        assertThat(gateway.balance("C1")).isEqualTo(12_500);
        BeginRestore other = new BeginRestore(SITE + ":50", SITE_INFO, tariff(), tip(50), TIP, 1);
        assertRefused(() -> gateway.begin(other, "S-1"), "REPLACE_ALREADY_RESTORED");
    }

    @Test
    void postsEachReferenceOnceAndAllLinesOrNone() throws RestoreRefusedException {
        restore();
        PostReconciliation post = reconciliation(line("C1", -1_200, "gap:M1:41:energy"),
                new PostReconciliation.Line("C2", EntryKind.TOP_UP, 3_000, "payment:MM-7"));
        gateway.post(post, "S-1");

        ReconciliationPosted again = gateway.post(post, "S-1");
        assertRefused(() -> gateway.post(reconciliation(line("C2", -50, "gap:M2:41:energy"),
                line("C9", -50, "gap:M9:41:energy")), "S-1"), "REPLACE_UNKNOWN_CUSTOMER");
        assertRefused(() -> gateway.post(reconciliation(line("C1", 50, "gap:M1:41:energy-back")), "S-1"),
                "REPLACE_INVALID");

        assertThat(again.entries()).isEmpty();
        assertThat(again.alreadyPosted()).containsExactly("gap:M1:41:energy", "payment:MM-7");
        assertThat(gateway.balance("C1")).isEqualTo(11_300);
        assertThat(gateway.balance("C2")).isEqualTo(-400 + 3_000);
    }

    @Test
    void refusesAReconciliationWhosePeriodsNameAnUnknownCustomerOrCountBelowZeroAndPostsNothing()
            throws RestoreRefusedException {
        restore();
        List<PostReconciliation.Line> lines = List.of(line("C1", -1_200, "gap:M1:41:energy"));

        assertRefused(() -> gateway.post(new PostReconciliation(RESTORE, lines, null, List.of(period("C9", 500))),
                "S-1"), "REPLACE_UNKNOWN_CUSTOMER");
        assertRefused(() -> gateway.post(new PostReconciliation(RESTORE, lines, null, List.of(period("C1", -1))),
                "S-1"), "REPLACE_INVALID");
        assertRefused(() -> gateway.post(new PostReconciliation(RESTORE, lines, null,
                List.of(period("C1", 500), period("C1", 600))), "S-1"), "REPLACE_INVALID");

        assertThat(gateway.balance("C1")).isEqualTo(12_500);
        gateway.post(new PostReconciliation(RESTORE, lines, null, List.of(period("C1", 500))), "S-1");
        assertThat(gateway.balance("C1")).isEqualTo(11_300);
        assertThat(gateway.period("C1").blockPeriodWh()).isEqualTo(500);
    }

    @Test
    void readsTheRegistersOfTheMetersItCanReach() throws RestoreRefusedException {
        assertRefused(gateway::readRegisters, "REPLACE_NOT_RESTORED");
        restore();

        RegistersRead read = gateway.readRegisters();

        assertThat(read.registers()).extracting(RegistersRead.Register::meterId).containsExactly("M1");
        assertThat(read.unread()).containsExactly("M2");
    }

    @Test
    void refusesARestoreOfAnotherSiteOrWithOtherContentUnderTheSameId() throws RestoreRefusedException {
        BeginRestore elsewhere = new BeginRestore("site-other:41",
                new SiteInfo("site-other", "Other", "KES", ZoneId.of("Africa/Nairobi")), tariff(), tip(41), TIP, 1);
        assertRefused(() -> gateway.begin(elsewhere, "S-1"), "REPLACE_SITE_MISMATCH");

        gateway.begin(begin(1), "S-1");
        gateway.chunk(chunk(0, "C1", "M1"), "S-1");

        assertRefused(() -> gateway.begin(begin(3), "S-1"), "REPLACE_RESTORE_CONFLICT");
        assertRefused(() -> gateway.chunk(chunk(0, "C2", "M2"), "S-1"), "REPLACE_RESTORE_CONFLICT");
        assertRefused(() -> gateway.chunk(chunk(1, "C2", "M2"), "S-1"), "REPLACE_INVALID");
        assertRefused(() -> gateway.chunk(new RestoreChunk(SITE + ":7", 0, List.of()), "S-1"),
                "REPLACE_UNKNOWN_RESTORE");
    }

    @Test
    void refusesARestoreWhoseBillingConfigurationItCannotBillWith() throws RestoreRefusedException {
        gateway.begin(new BeginRestore(RESTORE, SITE_INFO, tariff(), tip(41), TIP, 1,
                MeshDayBatch.chunksOf("no configuration".getBytes(StandardCharsets.UTF_8)), null), "S-1");
        gateway.chunk(chunk(0, "C1", "M1"), "S-1");

        assertRefused(() -> gateway.finish(new FinishRestore(RESTORE), "S-1"), "REPLACE_CONFIG_INVALID");
        assertRefused(gateway::readRegisters, "REPLACE_NOT_RESTORED");
    }

    @Test
    void refusesADebtTheSitesTermsDoNotGiveTheCustomer() throws RestoreRefusedException {
        gateway.begin(begin(1), "S-1");
        RestoreChunk.Account account = chunk(0, "C1", "M1").accounts().get(0);
        gateway.chunk(new RestoreChunk(RESTORE, 0, List.of(new RestoreChunk.Account(account.customer(),
                account.meter(), account.balanceMinor(), List.of(new DebtOwed("loan-C1", Debt.Kind.APPLIANCE_LOAN,
                        150_000, 40_000))))), "S-1");

        assertRefused(() -> gateway.finish(new FinishRestore(RESTORE), "S-1"), "REPLACE_INVALID");
    }

    @Test
    void refusesAReceiptThatIsNotTheReceiptOfAPaymentLineAndPostsNothing() throws RestoreRefusedException {
        restore();
        PostReconciliation.Line paid = new PostReconciliation.Line("C2", EntryKind.TOP_UP, 1_000, "payment:CASH-9");
        CashBookLine otherAmount = new CashBookLine(CashBookLine.Kind.RECEIPT, "AA11BB-0003", "T-1", "CASH-9", "C2",
                1_500, "KES", NOW.minusSeconds(3_600), null, null);
        CashBookLine noNumber = new CashBookLine(CashBookLine.Kind.RECEIPT, "slip 3", "T-1", "CASH-9", "C2", 1_000,
                "KES", NOW.minusSeconds(3_600), null, null);

        assertRefused(() -> gateway.post(new PostReconciliation(RESTORE, List.of(paid), List.of(otherAmount)), "S-1"),
                "REPLACE_RECEIPT_INVALID");
        assertRefused(() -> gateway.post(new PostReconciliation(RESTORE, List.of(paid), List.of(noNumber)), "S-1"),
                "REPLACE_RECEIPT_INVALID");
        assertThat(gateway.ledgerLinksAfter(41)).isEmpty();
    }

    @Test
    void takesAConfigurationInPartsOnceEachAndBillsWithTheDocumentItsBeginNamed() throws RestoreRefusedException {
        byte[] document = plainDocument();
        List<RestoreConfigPart> parts = partsOf(document);
        gateway.begin(beginInParts(parts.size(), BillingConfigBatch.digestOf(document)), "S-1");
        gateway.chunk(chunk(0, "C1", "M1"), "S-1");
        gateway.chunk(chunk(1, "C2", "M2"), "S-1");

        RestoreState afterLast = gateway.configPart(parts.get(parts.size() - 1), "S-1");
        RestoreState again = gateway.configPart(parts.get(parts.size() - 1), "S-1");
        assertRefused(() -> gateway.finish(new FinishRestore(RESTORE), "S-1"), "REPLACE_CHUNKS_MISSING");
        for (RestoreConfigPart part : parts.subList(0, parts.size() - 1)) {
            gateway.configPart(part, "S-1");
        }
        RestoreState applied = gateway.finish(new FinishRestore(RESTORE), "S-1");
        gateway.readRegisters();
        gateway.post(reconciliation(line("C1", -1_200, "gap:M1:41:energy")), "S-1");

        assertThat(parts).hasSizeGreaterThan(2);
        assertThat(afterLast.configPartsMissing()).hasSize(parts.size() - 1).doesNotContain(parts.size() - 1);
        assertThat(again).isEqualTo(afterLast);
        assertThat(applied.applied()).isTrue();
        assertThat(applied.missingConfigParts()).isNull();
        assertThat(BillingConfigBatch.digestOf(gateway.billingConfig()))
                .isEqualTo(BillingConfigBatch.digestOf(document));
    }

    @Test
    void refusesConfigurationPartsThatDoNotMakeTheDocumentItsBeginNamedAndAsksForThemAgain()
            throws RestoreRefusedException {
        List<RestoreConfigPart> parts = partsOf(plainDocument());
        gateway.begin(beginInParts(parts.size(), BillingConfigBatch.digestOf(new byte[] {1, 2, 3})), "S-1");
        gateway.chunk(chunk(0, "C1", "M1"), "S-1");
        gateway.chunk(chunk(1, "C2", "M2"), "S-1");
        for (RestoreConfigPart part : parts) {
            gateway.configPart(part, "S-1");
        }

        assertRefused(() -> gateway.configPart(new RestoreConfigPart(RESTORE, 0, List.of(ByteString.of(
                new byte[] {9}))), "S-1"), "REPLACE_RESTORE_CONFLICT");
        assertRefused(() -> gateway.configPart(new RestoreConfigPart(RESTORE, parts.size(), parts.get(0).pieces()),
                "S-1"), "REPLACE_INVALID");
        assertRefused(() -> gateway.finish(new FinishRestore(RESTORE), "S-1"), "REPLACE_CONFIG_DIGEST");
        assertThat(gateway.begin(beginInParts(parts.size(), BillingConfigBatch.digestOf(new byte[] {1, 2, 3})),
                "S-1").configPartsMissing()).hasSize(parts.size());
        assertRefused(gateway::readRegisters, "REPLACE_NOT_RESTORED");
    }

    /** A configuration the gateway can bill with: the flat tariff under plain terms. */
    private static byte[] plainDocument() {
        return BillingConfigDocument.encode(new BillingConfig(TariffSchedule.flat(tariff()), CreditTerms.PLAIN));
    }

    /** The document compressed and cut into pieces of 16 bytes, so that a small one still takes several parts. */
    private static List<RestoreConfigPart> partsOf(byte[] document) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        MeshDayBatch.chunksOf(document).forEach(piece -> packed.writeBytes(piece.toByteArray()));
        byte[] bytes = packed.toByteArray();
        List<ByteString> pieces = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += 16) {
            pieces.add(ByteString.of(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 16))));
        }
        return RestoreConfigPart.partsOf(RESTORE, pieces);
    }

    private static BeginRestore beginInParts(int parts, ByteString digest) {
        return new BeginRestore(RESTORE, SITE_INFO, tariff(), tip(41), TIP, 2, null, null, parts, digest);
    }

    private void restore() throws RestoreRefusedException {
        gateway.begin(begin(2), "S-1");
        gateway.chunk(chunk(1, "C2", "M2"), "S-1");
        gateway.chunk(chunk(0, "C1", "M1"), "S-1");
        assertThat(gateway.finish(new FinishRestore(RESTORE), "S-1").applied()).isTrue();
    }

    private static BeginRestore begin(int chunks) {
        return new BeginRestore(RESTORE, SITE_INFO, tariff(), tip(41), TIP, chunks);
    }

    private static LedgerEntry tip(long seq) {
        return new LedgerEntry(seq, NOW.minusSeconds(900), "C1", EntryKind.ENERGY, -30, 12_500, "day:2026-06-02");
    }

    private static Tariff tariff() {
        return new Tariff("flat", "KES", 2_500, 1_000, 5_000);
    }

    private static RestoreChunk chunk(int index, String customerId, String meterId) {
        long balance = customerId.equals("C1") ? 12_500 : -400;
        return new RestoreChunk(RESTORE, index, List.of(new RestoreChunk.Account(
                new Customer(customerId, "Customer " + customerId, CustomerCategory.HOUSEHOLD),
                new Meter(meterId, "SN-" + meterId, customerId, "GW-NEW001", -70), balance)));
    }

    private static PostReconciliation.Line line(String customerId, long amount, String reference) {
        return new PostReconciliation.Line(customerId, EntryKind.ENERGY, amount, reference);
    }

    /** An account {@code blockWh} into the block period of the day of the reconciliation, in credit. */
    private static PostReconciliation.AccountPeriod period(String customerId, long blockWh) {
        return new PostReconciliation.AccountPeriod(customerId, LocalDate.ofInstant(NOW, SITE_INFO.zone()), blockWh,
                YearMonth.from(LocalDate.ofInstant(NOW, SITE_INFO.zone())), 0, YearMonth.of(2026, 7),
                CreditState.ACTIVE, RelayState.ON, 0, 0, 0);
    }

    private static PostReconciliation reconciliation(PostReconciliation.Line... lines) {
        return new PostReconciliation(RESTORE, List.of(lines));
    }

    private interface Step {
        Object run() throws RestoreRefusedException;
    }

    private static void assertRefused(Step step, String code) {
        assertThatThrownBy(step::run).isInstanceOf(RestoreRefusedException.class)
                .satisfies(e -> assertThat(((RestoreRefusedException) e).code()).isEqualTo(code));
    }
}
