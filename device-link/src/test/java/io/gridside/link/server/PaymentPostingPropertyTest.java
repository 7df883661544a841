package io.gridside.link.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PaymentsPosted.Outcome;
import io.gridside.link.message.PostPayments;
import io.gridside.site.TopUp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * However payments are repeated, reordered and mixed with bad ones across requests, the gateway credits each
 * reference at most once, and every answer says truly what it holds.
 */
class PaymentPostingPropertyTest {

    private static final Instant CLOCK = Instant.parse("2026-06-03T09:00:00Z");
    private static final List<String> KNOWN = List.of("c-1", "c-2", "c-3");

    /** A till that counts how often each reference was credited. */
    private static final class CountingTill implements CashDesk.Till {

        private final Map<String, CashDesk.Payment> held = new HashMap<>();
        private final Map<String, Integer> credits = new HashMap<>();

        @Override
        public String customerOf(String customerId, String meterId) {
            return KNOWN.contains(customerId) ? customerId : null;
        }

        @Override
        public CashDesk.Payment payment(String reference) {
            return held.get(reference);
        }

        @Override
        public Instant clock() {
            return CLOCK;
        }

        @Override
        public CashDesk.Payment credit(String reference, String customerId, long amountMinor, Instant at,
                String note) {
            credits.merge(reference, 1, Integer::sum);
            CashDesk.Payment payment = new CashDesk.Payment(new TopUp(reference, customerId, amountMinor, at), null);
            held.put(reference, payment);
            return payment;
        }

        @Override
        public void reverse(String reference, String customerId, long amountMinor, Instant at) {
            throw new AssertionError("posting imported payments never voids one");
        }
    }

    @Property(tries = 200)
    void creditsEachReferenceOnceAndAnswersWhatItHolds(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PaymentPosting posting = new PaymentPosting("KES");
        CountingTill till = new CountingTill();
        long creditedMinor = 0;
        int requests = 1 + random.nextInt(6);
        for (int r = 0; r < requests; r++) {
            PostPayments request = request(random);
            PaymentsPosted posted = posting.post(request, CLOCK, till);

            assertThat(posted.results()).hasSameSizeAs(request.payments());
            for (int i = 0; i < posted.results().size(); i++) {
                PostPayments.Payment sent = request.payments().get(i);
                PaymentsPosted.Result result = posted.results().get(i);
                assertThat(result.reference()).isEqualTo(sent.reference());
                creditedMinor += result.outcome() == Outcome.CREDITED ? sent.amountMinor() : 0;
                checkAnswer(sent, result, till);
            }
        }

        assertThat(till.credits.values()).allMatch(count -> count == 1);
        assertThat(till.held.values().stream().mapToLong(p -> p.topUp().amountMinor()).sum())
                .as("what the answers said was credited is what the till took").isEqualTo(creditedMinor);
    }

    private static void checkAnswer(PostPayments.Payment sent, PaymentsPosted.Result result, CountingTill till) {
        CashDesk.Payment held = till.held.get(sent.reference());
        boolean same = held != null && held.topUp().customerId().equals(sent.customerId())
                && held.topUp().amountMinor() == sent.amountMinor();
        switch (result.outcome()) {
            case CREDITED, ALREADY_CREDITED -> assertThat(same).as("%s is held as sent", sent).isTrue();
            case REFUSED -> assertThat(result.code()).isIn("PAYMENT_UNKNOWN_CUSTOMER", "PAYMENT_REFERENCE_CONFLICT",
                    "PAYMENT_CURRENCY_MISMATCH");
            default -> throw new AssertionError(result);
        }
        if (result.outcome() == Outcome.REFUSED && result.code().equals("PAYMENT_REFERENCE_CONFLICT")) {
            assertThat(same).as("a conflict is another payment than the one held").isFalse();
        }
    }

    /** Up to 8 payments over 5 references, 4 customers (one unknown), 2 amounts and now and then another currency. */
    private static PostPayments request(SplittableRandom random) {
        int size = 1 + random.nextInt(8);
        List<PostPayments.Payment> payments = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String currency = random.nextInt(10) == 0 ? "UGX" : "KES";
            payments.add(new PostPayments.Payment("R-" + random.nextInt(5), "c-" + (1 + random.nextInt(4)),
                    100L * (1 + random.nextInt(2)), currency, CLOCK.minusSeconds(3600), "book.csv:" + (i + 2)));
        }
        return new PostPayments(payments);
    }
}
