package io.gridside.link.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.site.TopUp;
import io.gridside.site.cash.CashBookLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The cash desk's receipt numbers and voids. Two credentials take cash: T-1's id starts {@code aa11bb}, T-2's
 * {@code cc22dd}, so their receipts are numbered {@code AA11BB-0001} on and {@code CC22DD-0001} on. Each may take
 * KES 1000.00 (100000 minor units).
 */
class CashDeskTest {

    private static final CashAllowance T1 = new CashAllowance("T-1", "aa11bb" + "0".repeat(58), 100_000);
    private static final CashAllowance T2 = new CashAllowance("T-2", "cc22dd" + "0".repeat(58), 100_000);
    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");

    private final BookTill till = new BookTill();
    private final CashDesk desk = new CashDesk("KES");

    @Test
    void numbersEachCredentialsReceiptsFromOneWithoutGaps() throws Exception {
        CashReceipt first = desk.take(topUp("R-1", 1_000), T1, till);
        CashReceipt other = desk.take(topUp("R-2", 1_000), T2, till);
        CashReceipt second = desk.take(topUp("R-3", 1_000), T1, till);

        assertThat(first.receipt()).isEqualTo("AA11BB-0001");
        assertThat(other.receipt()).isEqualTo("CC22DD-0001");
        assertThat(second.receipt()).isEqualTo("AA11BB-0002");
    }

    @Test
    void goesOnWithTheReceiptBooksOfAGatewayItReplacesAndCountsTheCashTakenInThem() throws Exception {
        CashDesk continuing = new CashDesk("KES", CashBook.inMemoryContinuing(List.of(
                new BeginRestore.ReceiptBook("AA11BB", 7, 90_000))));

        CashReceipt next = continuing.take(topUp("R-8", 1_000), T1, till);
        CashReceipt fresh = continuing.take(topUp("R-9", 1_000), T2, till);

        assertThat(next.receipt()).isEqualTo("AA11BB-0008");
        assertThat(fresh.receipt()).isEqualTo("CC22DD-0001");
        assertThat(continuing.usedMinor(T1.credentialId())).isEqualTo(91_000);
        assertThatThrownBy(() -> continuing.take(topUp("R-10", 9_001), T1, till))
                .isInstanceOf(CashRefusedException.class).hasMessageContaining("remaining KES 90.00")
                .hasMessageContaining("limit KES 1,000.00, credited KES 910.00")
                .satisfies(e -> assertThat(((CashRefusedException) e).code()).isEqualTo("CASH_LIMIT_EXCEEDED"));
    }

    @Test
    void answersARepeatWithItsReceiptAndGivesARefusalNoNumber() throws Exception {
        CashReceipt first = desk.take(topUp("R-1", 1_000), T1, till);
        CashReceipt repeat = desk.take(topUp("R-1", 1_000), T1, till);
        assertThatThrownBy(() -> desk.take(topUp("R-2", 100_000), T1, till))
                .isInstanceOf(CashRefusedException.class);
        CashReceipt next = desk.take(topUp("R-3", 1_000), T1, till);

        assertThat(repeat.outcome()).isEqualTo(CashReceipt.Outcome.ALREADY_CREDITED);
        assertThat(repeat.receipt()).isEqualTo(first.receipt());
        assertThat(next.receipt()).as("the refused payment took no number").isEqualTo("AA11BB-0002");
    }

    @Test
    void givesAnotherCredentialWhoseIdStartsTheSameALongerCode() throws Exception {
        CashAllowance twin = new CashAllowance("T-3", "aa11bb9" + "0".repeat(57), 100_000);

        desk.take(topUp("R-1", 1_000), T1, till);
        CashReceipt receipt = desk.take(topUp("R-2", 1_000), twin, till);

        assertThat(receipt.receipt()).isEqualTo("AA11BB9-0001");
    }

    @Test
    void voidTakesTheCreditBackOnceButLeavesTheCashCountedUnderTheLimit() throws Exception {
        CashReceipt receipt = desk.take(topUp("R-1", 60_000), T1, till);

        CashVoided voided = desk.voidReceipt(new CashVoid(receipt.receipt(), "paid twice"), "S-9", till);
        CashVoided again = desk.voidReceipt(new CashVoid(receipt.receipt(), "paid twice"), "S-9", till);

        assertThat(voided.outcome()).isEqualTo(CashVoided.Outcome.VOIDED);
        assertThat(again.outcome()).isEqualTo(CashVoided.Outcome.ALREADY_VOIDED);
        assertThat(till.reversed).as("reversed once").containsExactly("R-1");
        // Limit 100,000; 60,000 taken and voided still counts, so 40,001 more would pass the limit.
        assertThat(desk.usedMinor(T1.credentialId())).isEqualTo(60_000);
        assertThatThrownBy(() -> desk.take(topUp("R-2", 40_001), T1, till))
                .extracting(e -> ((CashRefusedException) e).code()).isEqualTo("CASH_LIMIT_EXCEEDED");
    }

    @Test
    void refusesTheReferenceOfAVoidedReceipt() throws Exception {
        CashReceipt receipt = desk.take(topUp("R-1", 1_000), T1, till);
        desk.voidReceipt(new CashVoid(receipt.receipt(), "handed back"), "S-9", till);

        assertThatThrownBy(() -> desk.take(topUp("R-1", 1_000), T1, till))
                .isInstanceOf(CashRefusedException.class)
                .hasMessageContaining(receipt.receipt()).hasMessageContaining("S-9")
                .extracting(e -> ((CashRefusedException) e).code()).isEqualTo("CASH_RECEIPT_VOIDED");
    }

    @Test
    void refusesTheVoidOfAnUnknownReceiptOrOfOnesOwnNamingIt() throws Exception {
        CashReceipt receipt = desk.take(topUp("R-1", 1_000), T1, till);

        assertThatThrownBy(() -> desk.voidReceipt(new CashVoid("AA11BB-0002", "x"), "S-9", till))
                .hasMessageContaining("AA11BB-0002")
                .extracting(e -> ((CashRefusedException) e).code()).isEqualTo("CASH_UNKNOWN_RECEIPT");
        assertThatThrownBy(() -> desk.voidReceipt(new CashVoid(receipt.receipt(), "x"), "T-1", till))
                .extracting(e -> ((CashRefusedException) e).code()).isEqualTo("CASH_OWN_RECEIPT");
        assertThat(till.reversed).isEmpty();
    }

    @Test
    void listsReceiptsAndVoidsInTheBook() throws Exception {
        CashReceipt receipt = desk.take(topUp("R-1", 1_000), T1, till);
        till.clock = NOW.plusSeconds(60);
        desk.voidReceipt(new CashVoid(receipt.receipt(), "paid twice"), "S-9", till);

        List<CashBookLine> lines = desk.lines(Instant.EPOCH, Instant.MAX);

        assertThat(lines).extracting(CashBookLine::kind, CashBookLine::at, CashBookLine::handOverMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CashBookLine.Kind.RECEIPT, NOW, 1_000L),
                        org.assertj.core.groups.Tuple.tuple(CashBookLine.Kind.VOID, NOW.plusSeconds(60), -1_000L));
    }

    /**
     * Whatever mix of new payments, repeats and payments over the limit two credentials send, each credential's
     * receipts are numbered 1, 2, 3 ... in the order credited, and its count is the sum of what it credited.
     */
    @Property(tries = 200)
    void numbersStayGaplessAndTheCountExactWhateverTheRequests(@ForAll("requests") List<Tuple.Tuple3<Integer,
            Integer, Long>> requests) throws Exception {
        // jqwik runs every try on one instance of the class: a desk of the try's own.
        CashDesk desk = new CashDesk("KES");
        BookTill till = new BookTill();
        Map<String, List<String>> numbers = new HashMap<>();
        Map<String, Long> credited = new HashMap<>();
        for (Tuple.Tuple3<Integer, Integer, Long> request : requests) {
            CashAllowance allowance = request.get1() == 0 ? T1 : T2;
            try {
                CashReceipt receipt = desk.take(topUp("R-" + request.get2(), request.get3()), allowance, till);
                if (receipt.outcome() == CashReceipt.Outcome.CREDITED) {
                    numbers.computeIfAbsent(allowance.technicianId(), id -> new ArrayList<>()).add(receipt.receipt());
                    credited.merge(allowance.credentialId(), request.get3(), Long::sum);
                }
            } catch (CashRefusedException refused) {
                assertThat(refused.code()).isIn("CASH_LIMIT_EXCEEDED", "CASH_REFERENCE_CONFLICT");
            }
        }

        numbers.forEach((technician, list) -> {
            String code = technician.equals("T-1") ? "AA11BB" : "CC22DD";
            for (int i = 0; i < list.size(); i++) {
                assertThat(list.get(i)).isEqualTo(CashBook.receiptNumber(code, i + 1));
            }
        });
        for (CashAllowance allowance : List.of(T1, T2)) {
            assertThat(desk.usedMinor(allowance.credentialId()))
                    .isEqualTo(credited.getOrDefault(allowance.credentialId(), 0L))
                    .isLessThanOrEqualTo(allowance.limitMinor());
        }
    }

    @Provide
    Arbitrary<List<Tuple.Tuple3<Integer, Integer, Long>>> requests() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(1, 12), Arbitraries.longs().between(1, 40_000))
                .as(Tuple::of).list().ofMaxSize(40);
    }

    private static CashTopUp topUp(String reference, long amountMinor) {
        return new CashTopUp("c-001", null, amountMinor, "KES", reference, "");
    }

    /** One customer, c-001, whose payments the till holds at once and whose voids it records. */
    private static final class BookTill implements CashDesk.Till {

        private final Map<String, CashDesk.Payment> payments = new HashMap<>();
        private final List<String> reversed = new ArrayList<>();
        private Instant clock = NOW;

        @Override
        public String customerOf(String customerId, String meterId) {
            return "c-001".equals(customerId) ? customerId : null;
        }

        @Override
        public CashDesk.Payment payment(String reference) {
            return payments.get(reference);
        }

        @Override
        public Instant clock() {
            return clock;
        }

        @Override
        public CashDesk.Payment credit(String reference, String customerId, long amountMinor, Instant at,
                String note) {
            CashDesk.Payment payment = new CashDesk.Payment(new TopUp(reference, customerId, amountMinor, at), null);
            payments.put(reference, payment);
            return payment;
        }

        @Override
        public void reverse(String reference, String customerId, long amountMinor, Instant at) {
            reversed.add(reference);
        }
    }
}
