package io.gridside.link.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.link.auth.Role;
import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PaymentsPosted.Outcome;
import io.gridside.link.message.PostPayments;
import io.gridside.link.server.RequestRoles;
import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.ScriptedPeer;
import io.gridside.link.testing.TestCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PostPayments between a real console client and a real gateway session over a loopback socket: each payment
 * judged on its own, each reference credited once, and only in a supervisor's session.
 */
@Timeout(10)
class PostPaymentsRequestTest {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    /** The fake gateway's clock is 2024-05-01T08:30:00Z; these customers paid the morning before. */
    private static final Instant PAID = Instant.parse("2024-04-30T10:00:00Z");

    private final FakeGatewayService service = new FakeGatewayService();

    @Test
    void creditsEachNewPaymentAndRefusesTheBadOnesOneByOne() throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            PaymentsPosted posted = client.billing().postPayments(new PostPayments(List.of(
                    payment("AG-1", "c-001", 25_000, "KES", PAID),
                    payment("AG-2", "c-999", 1_000, "KES", PAID),
                    payment("AG-3", "c-002", 1_000, "UGX", PAID),
                    payment("AG-4", "c-002", 7_000, "KES", PAID))));

            assertThat(posted.results()).extracting(PaymentsPosted.Result::reference, PaymentsPosted.Result::outcome,
                    PaymentsPosted.Result::code).containsExactly(
                            tuple("AG-1", Outcome.CREDITED, null),
                            tuple("AG-2", Outcome.REFUSED, "PAYMENT_UNKNOWN_CUSTOMER"),
                            tuple("AG-3", Outcome.REFUSED, "PAYMENT_CURRENCY_MISMATCH"),
                            tuple("AG-4", Outcome.CREDITED, null));
            assertThat(posted.results().get(1).message()).contains("c-999");
            assertThat(service.payments()).containsOnlyKeys("AG-1", "AG-4");
        }
    }

    @Test
    void creditsAReferenceOnceHoweverOftenItIsSentAndRefusesItForAnotherPayment() throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {
            PostPayments request = new PostPayments(List.of(payment("AG-1", "c-001", 25_000, "KES", PAID)));

            Outcome first = client.billing().postPayments(request).results().get(0).outcome();
            Outcome again = client.billing().postPayments(request).results().get(0).outcome();
            PaymentsPosted.Result otherAmount = client.billing().postPayments(new PostPayments(List.of(
                    payment("AG-1", "c-001", 25_001, "KES", PAID)))).results().get(0);

            assertThat(first).isEqualTo(Outcome.CREDITED);
            assertThat(again).isEqualTo(Outcome.ALREADY_CREDITED);
            assertThat(otherAmount.code()).isEqualTo("PAYMENT_REFERENCE_CONFLICT");
            assertThat(otherAmount.message()).contains("KES 250.00", "KES 250.01");
            assertThat(service.payments().get("AG-1").topUp().amountMinor()).isEqualTo(25_000);
        }
    }

    @Test
    void refusesABadFormAndAPaymentDatedPastTheGatewaysClock() throws Exception {
        Instant clock = SampleMessages.CLOCK;
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            PaymentsPosted posted = client.billing().postPayments(new PostPayments(List.of(
                    payment(" AG 1", "c-001", 100, "KES", PAID),
                    payment("AG-2", "c-001", 0, "KES", PAID),
                    payment("AG-3", "c-001", 100, "KES", clock.plus(Duration.ofMinutes(6))),
                    payment("AG-4", "c-001", 100, "KES", clock.plus(Duration.ofMinutes(5))))));

            assertThat(posted.results()).extracting(PaymentsPosted.Result::outcome).containsExactly(
                    Outcome.REFUSED, Outcome.REFUSED, Outcome.REFUSED, Outcome.CREDITED);
            assertThat(posted.results().subList(0, 3)).extracting(PaymentsPosted.Result::code)
                    .containsOnly("PAYMENT_INVALID");
            assertThat(posted.results().get(2).message()).contains("after the gateway's clock");
        }
    }

    @Test
    void refusesARequestOfNoPaymentsOrMoreThanItsLimitWhole() throws Exception {
        List<PostPayments.Payment> tooMany = new ArrayList<>();
        IntStream.rangeClosed(1, PostPayments.MAX_PAYMENTS + 1)
                .forEach(i -> tooMany.add(payment("AG-" + i, "c-001", 100, "KES", PAID)));
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThatThrownBy(() -> client.billing().postPayments(new PostPayments(tooMany)))
                    .isInstanceOfSatisfying(LinkException.class,
                            e -> assertThat(e.code()).isEqualTo(LinkException.Code.GATEWAY_ERROR))
                    .hasMessageContaining("PAYMENT_INVALID");
            assertThatThrownBy(() -> client.billing().postPayments(new PostPayments(List.of())))
                    .hasMessageContaining("PAYMENT_INVALID");
            assertThat(service.payments()).isEmpty();
        }
    }

    @Test
    void refusesATechniciansSession() throws Exception {
        GatewayPins pinned = GatewayPins.inMemory();
        pinned.save(new GatewayPin(SampleMessages.SITE_ID, SampleMessages.GATEWAY_ID,
                SampleMessages.GATEWAY_KEY.publicKey(), SampleMessages.CLOCK, "S-1"));
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(
                        TestCredentials.signing(TestCredentials.keyedTechnician(), pinned), ANSWER_TIMEOUT)) {

            assertThatThrownBy(() -> client.billing().postPayments(SampleMessages.postPayments()))
                    .isInstanceOfSatisfying(LinkException.class,
                            e -> assertThat(e.code()).isEqualTo(LinkException.Code.FORBIDDEN))
                    .hasMessageContaining("ROLE_FORBIDDEN");
            assertThat(service.payments()).isEmpty();
        }
        assertThat(RequestRoles.needed(PostPayments.class)).isEqualTo(Role.SUPERVISOR);
    }

    private static PostPayments.Payment payment(String reference, String customerId, long amountMinor,
            String currency, Instant paidAt) {
        return new PostPayments.Payment(reference, customerId, amountMinor, currency, paidAt, "book.csv:2");
    }
}
