package io.gridside.link.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.link.message.CashBookBatch;
import io.gridside.link.message.GetCashBook;
import io.gridside.link.message.StreamEnd;
import io.gridside.site.cash.CashBookLine;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.Message;
import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.ScriptedConsole;
import io.gridside.link.testing.TestCredentials;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cash top-ups at the gateway: credited once per reference, and only within the offline cash limit that the
 * session's credential carries. The sample technician may credit KES 5000.00 (500000 minor units).
 */
@Timeout(10)
class GatewaySessionCashTest {

    private static final long LIMIT = 500_000;

    private final FakeGatewayService service = new FakeGatewayService();

    @Test
    void creditsCashAndSaysWhatTheCredentialMayStillCredit() throws Exception {
        Message answer = askAs(TestCredentials.keyedTechnician(), topUp("c-001", null, 50_000, "R-1"));

        String code = CashAllowance.of(TestCredentials.keyedTechnician()).credentialId().substring(0, 6).toUpperCase();
        assertThat(answer).isEqualTo(new CashReceipt(CashReceipt.Outcome.CREDITED, "R-1", "c-001", 50_000, "KES",
                SampleMessages.CLOCK, 62_500L, LIMIT, 50_000, 450_000, code + "-0001"));
        assertThat(service.payments()).containsOnlyKeys("R-1");
    }

    @Test
    void creditsARepeatedReferenceOnceAndCountsItOnce() throws Exception {
        try (ScriptedConsole session = signedIn(TestCredentials.keyedTechnician())) {
            CashReceipt first = (CashReceipt) session.ask(topUp("c-001", null, 50_000, "R-1"));
            CashReceipt again = (CashReceipt) session.ask(topUp("c-001", null, 50_000, "R-1"));
            CashReceipt next = (CashReceipt) session.ask(topUp("c-002", null, 10_000, "R-2"));

            assertThat(first.outcome()).isEqualTo(CashReceipt.Outcome.CREDITED);
            assertThat(again.outcome()).isEqualTo(CashReceipt.Outcome.ALREADY_CREDITED);
            assertThat(again.balanceAfterMinor()).isEqualTo(first.balanceAfterMinor()).isEqualTo(62_500L);
            assertThat(again.usedMinor()).isEqualTo(50_000);
            assertThat(next.usedMinor()).isEqualTo(60_000);
            assertThat(next.remainingMinor()).isEqualTo(LIMIT - 60_000);
        }
    }

    @Test
    void refusesAKnownReferenceWithAnotherAmountOrCustomerAsConflicting() throws Exception {
        try (ScriptedConsole session = signedIn(TestCredentials.keyedTechnician())) {
            session.ask(topUp("c-001", null, 50_000, "R-1"));

            Message otherAmount = session.ask(topUp("c-001", null, 5_000, "R-1"));
            Message otherCustomer = session.ask(topUp("c-002", null, 50_000, "R-1"));

            assertThat(code(otherAmount)).isEqualTo("CASH_REFERENCE_CONFLICT");
            assertThat(((ErrorReply) otherAmount).message()).contains("R-1", "KES 500.00", "KES 50.00");
            assertThat(code(otherCustomer)).isEqualTo("CASH_REFERENCE_CONFLICT");
            assertThat(service.payments().get("R-1").topUp().amountMinor()).isEqualTo(50_000);
        }
    }

    @Test
    void refusesAnotherTechniciansRepeatOfAReferenceSoTheirCashIsNotLostFromEveryCashUp() throws Exception {
        CashReceipt first = (CashReceipt) askAs(TestCredentials.keyedTechnician(), topUp("c-001", null, 50_000,
                "R-1"));
        TechnicianCredential base = TestCredentials.credential(Role.TECHNICIAN, List.of(SampleMessages.SITE_ID));
        SignedCredential other = TestCredentials.OPERATOR.sign(new TechnicianCredential("T-0099", "Baraka Otieno",
                base.role(), base.sites(), base.notBefore(), base.notAfter(), base.limits(), base.operatorKeyId())
                .withTechnicianKey(TestCredentials.TECHNICIAN_KEY.publicKey()));

        Message repeat = askAs(other, topUp("c-001", null, 50_000, "R-1"));
        Message own = askAs(TestCredentials.keyedTechnician(), topUp("c-001", null, 50_000, "R-1"));

        assertThat(code(repeat)).isEqualTo("CASH_REFERENCE_CONFLICT");
        assertThat(((ErrorReply) repeat).message()).contains("T-0042", first.receipt(), "a reference of its own");
        assertThat(((CashReceipt) own).outcome()).as("the technician who took it may retry")
                .isEqualTo(CashReceipt.Outcome.ALREADY_CREDITED);
        assertThat(service.balance("c-001")).isEqualTo(62_500);
    }

    @Test
    void refusesATopUpThatWouldPassTheLimitAndNamesTheNumbers() throws Exception {
        try (ScriptedConsole session = signedIn(TestCredentials.keyedTechnician())) {
            session.ask(topUp("c-001", null, 400_000, "R-1"));

            Message over = session.ask(topUp("c-002", null, 100_001, "R-2"));
            CashReceipt exact = (CashReceipt) session.ask(topUp("c-002", null, 100_000, "R-3"));
            Message oneMore = session.ask(topUp("c-002", null, 1, "R-4"));
            Message repeatAtTheLimit = session.ask(topUp("c-001", null, 400_000, "R-1"));

            assertThat(code(over)).isEqualTo("CASH_LIMIT_EXCEEDED");
            assertThat(((ErrorReply) over).message())
                    .contains("T-0042", "KES 1,000.01", "limit KES 5,000.00", "credited KES 4,000.00",
                            "remaining KES 1,000.00");
            assertThat(exact.remainingMinor()).isZero();
            assertThat(code(oneMore)).isEqualTo("CASH_LIMIT_EXCEEDED");
            assertThat(((CashReceipt) repeatAtTheLimit).outcome()).as("a repeat takes nothing more")
                    .isEqualTo(CashReceipt.Outcome.ALREADY_CREDITED);
            assertThat(service.payments()).containsOnlyKeys("R-1", "R-3");
        }
    }

    @Test
    void countsTheCredentialAcrossSessionsAndEachCredentialApart() throws Exception {
        askAs(TestCredentials.keyedTechnician(), topUp("c-001", null, 450_000, "R-1"));
        TechnicianCredential sample = TestCredentials.keyedTechnician().credential();
        SignedCredential reissued = TestCredentials.OPERATOR.sign(new TechnicianCredential("T-0042", sample.name(),
                sample.role(), sample.sites(), sample.notBefore().minusSeconds(3600), sample.notAfter(),
                sample.limits(), sample.operatorKeyId(), TestCredentials.TECHNICIAN_KEY.publicKey()));

        Message sameCredential = askAs(TestCredentials.keyedTechnician(), topUp("c-001", null, 60_000, "R-2"));
        Message newCredential = askAs(reissued, topUp("c-001", null, 60_000, "R-3"));

        assertThat(code(sameCredential)).isEqualTo("CASH_LIMIT_EXCEEDED");
        assertThat(((CashReceipt) newCredential).usedMinor()).isEqualTo(60_000);
    }

    @Test
    void refusesCashToACredentialWithoutTheLimitAndToALimitOfNothing() throws Exception {
        Message noLimit = askAs(credential(Map.of(), "T-0007"), topUp("c-001", null, 100, "R-1"));
        Message zero = askAs(credential(Map.of(CashAllowance.LIMIT, 0L), "T-0008"), topUp("c-001", null, 100, "R-2"));

        assertThat(code(noLimit)).isEqualTo("CASH_NOT_PERMITTED");
        assertThat(((ErrorReply) noLimit).message()).contains("T-0007", CashAllowance.LIMIT);
        assertThat(code(zero)).isEqualTo("CASH_LIMIT_EXCEEDED");
        assertThat(service.payments()).isEmpty();
    }

    @Test
    void refusesCashInAnotherCurrencyThanTheSites() throws Exception {
        Message answer = askAs(TestCredentials.keyedTechnician(), new CashTopUp("c-001", null, 500, "UGX", "R-1", ""));

        assertThat(code(answer)).isEqualTo("CASH_CURRENCY_MISMATCH");
        assertThat(((ErrorReply) answer).message()).contains("KES", "UGX");
        assertThat(service.payments()).isEmpty();
    }

    @Test
    void findsTheCustomerByMeterAndRefusesAnUnknownOne() throws Exception {
        try (ScriptedConsole session = signedIn(TestCredentials.keyedTechnician())) {
            CashReceipt byMeter = (CashReceipt) session.ask(topUp(null, "m-002", 1_000, "R-1"));
            Message unknownCustomer = session.ask(topUp("c-999", null, 1_000, "R-2"));
            Message unknownMeter = session.ask(topUp(null, "m-999", 1_000, "R-3"));

            assertThat(byMeter.customerId()).isEqualTo("c-002");
            assertThat(code(unknownCustomer)).isEqualTo("CASH_UNKNOWN_CUSTOMER");
            assertThat(((ErrorReply) unknownCustomer).message()).contains("c-999");
            assertThat(code(unknownMeter)).isEqualTo("CASH_UNKNOWN_CUSTOMER");
            assertThat(((ErrorReply) unknownMeter).message()).contains("m-999");
        }
    }

    @Test
    void refusesATopUpOfNoAmountWithoutAReferenceOrNamingTwoCustomers() throws Exception {
        try (ScriptedConsole session = signedIn(TestCredentials.keyedTechnician())) {
            assertThat(code(session.ask(topUp("c-001", null, 0, "R-1")))).isEqualTo("CASH_INVALID");
            assertThat(code(session.ask(topUp("c-001", null, -5, "R-1")))).isEqualTo("CASH_INVALID");
            assertThat(code(session.ask(topUp("c-001", null, CashDesk.MAX_AMOUNT_MINOR + 1, "R-1"))))
                    .isEqualTo("CASH_INVALID");
            assertThat(code(session.ask(topUp("c-001", null, 100, null)))).isEqualTo("CASH_INVALID");
            assertThat(code(session.ask(topUp("c-001", null, 100, " R 1")))).isEqualTo("CASH_INVALID");
            assertThat(code(session.ask(topUp("c-001", "m-001", 100, "R-1")))).isEqualTo("CASH_INVALID");
            assertThat(code(session.ask(topUp(null, null, 100, "R-1")))).isEqualTo("CASH_INVALID");
            assertThat(service.payments()).isEmpty();
        }
    }

    @Test
    void refusesAVoidToATechnicianAndNamesTheRoleItNeeds() throws Exception {
        CashReceipt receipt =
                (CashReceipt) askAs(TestCredentials.keyedTechnician(), topUp("c-001", null, 50_000, "R-1"));

        Message answer = askAs(TestCredentials.keyedTechnician(), new CashVoid(receipt.receipt(), "paid twice"));

        assertThat(code(answer)).isEqualTo("ROLE_FORBIDDEN");
        assertThat(((ErrorReply) answer).message())
                .contains("Voiding a cash receipt needs a supervisor", "T-0042", "technician");
        assertThat(service.balance("c-001")).as("the credit stands").isEqualTo(62_500);
    }

    @Test
    void letsAnotherSupervisorVoidAReceiptOnceAndTakesItsCreditBack() throws Exception {
        CashReceipt receipt =
                (CashReceipt) askAs(TestCredentials.keyedTechnician(), topUp("c-001", null, 50_000, "R-1"));
        SignedCredential supervisor = credential(Map.of(), "S-0007", Role.SUPERVISOR);

        try (ScriptedConsole session = signedIn(supervisor)) {
            CashVoided first = (CashVoided) session.ask(new CashVoid(receipt.receipt(), "customer paid twice"));
            CashVoided again = (CashVoided) session.ask(new CashVoid(receipt.receipt(), "another reason"));
            Message unknown = session.ask(new CashVoid("ZZZZZZ-0009", "typo"));
            Message noReason = session.ask(new CashVoid(receipt.receipt(), "  "));

            assertThat(first.outcome()).isEqualTo(CashVoided.Outcome.VOIDED);
            assertThat(first.voidedBy()).isEqualTo("S-0007");
            assertThat(first.technicianId()).isEqualTo("T-0042");
            assertThat(again.outcome()).isEqualTo(CashVoided.Outcome.ALREADY_VOIDED);
            assertThat(again.reason()).as("the first void's record stands").isEqualTo("customer paid twice");
            assertThat(code(unknown)).isEqualTo("CASH_UNKNOWN_RECEIPT");
            assertThat(((ErrorReply) unknown).message()).contains("ZZZZZZ-0009");
            assertThat(code(noReason)).isEqualTo("CASH_INVALID");
        }
        // 12,500 before, 62,500 after the top-up, back to 12,500 after the one void.
        assertThat(service.balance("c-001")).isEqualTo(12_500);
    }

    @Test
    void refusesASupervisorTheVoidOfTheirOwnReceipt() throws Exception {
        CashReceipt receipt =
                (CashReceipt) askAs(TestCredentials.keyedSupervisor(), topUp("c-001", null, 50_000, "R-1"));

        Message answer = askAs(TestCredentials.keyedSupervisor(), new CashVoid(receipt.receipt(), "mistake"));

        assertThat(code(answer)).isEqualTo("CASH_OWN_RECEIPT");
        assertThat(((ErrorReply) answer).message()).contains(receipt.receipt(), "another supervisor");
    }

    @Test
    void servesTheCashBookWithReceiptsAndVoids() throws Exception {
        CashReceipt receipt =
                (CashReceipt) askAs(TestCredentials.keyedTechnician(), topUp("c-001", null, 50_000, "R-1"));
        askAs(credential(Map.of(), "S-0007", Role.SUPERVISOR), new CashVoid(receipt.receipt(), "paid twice"));

        List<Message> answers;
        try (ScriptedConsole session = signedIn(TestCredentials.keyedTechnician())) {
            answers = session.askStream(new GetCashBook(null, null));
        }

        assertThat(answers).hasSize(2);
        CashBookBatch batch = (CashBookBatch) answers.get(0);
        assertThat(batch.lines()).extracting(CashBookLine::kind, CashBookLine::receipt)
                .containsExactly(tuple(CashBookLine.Kind.RECEIPT, receipt.receipt()),
                        tuple(CashBookLine.Kind.VOID, receipt.receipt()));
        assertThat(answers.get(1)).isEqualTo(new StreamEnd(2, false));
    }

    @Test
    void letsTechniciansTakeCash() {
        assertThat(RequestRoles.needed(CashTopUp.class)).isEqualTo(Role.TECHNICIAN);
    }

    private static CashTopUp topUp(String customerId, String meterId, long amountMinor, String reference) {
        return new CashTopUp(customerId, meterId, amountMinor, "KES", reference, "paid at the kiosk");
    }

    private static SignedCredential credential(Map<String, Long> limits, String technicianId) {
        return credential(limits, technicianId, Role.TECHNICIAN);
    }

    private static SignedCredential credential(Map<String, Long> limits, String technicianId, Role role) {
        TechnicianCredential sample = TestCredentials.credential(role, List.of(SampleMessages.SITE_ID));
        return TestCredentials.OPERATOR.sign(new TechnicianCredential(technicianId, sample.name(), sample.role(),
                sample.sites(), sample.notBefore(), sample.notAfter(), limits, sample.operatorKeyId(),
                TestCredentials.TECHNICIAN_KEY.publicKey()));
    }

    /** A session signed in with {@code credential}, which signs each money move with the technician's key. */
    private ScriptedConsole signedIn(SignedCredential credential) throws IOException {
        return ScriptedConsole.of(service, credential).signingMoneyMoves();
    }

    /** One request in a session of its own, signed in with {@code credential}. */
    private Message askAs(SignedCredential credential, Message request) throws Exception {
        try (ScriptedConsole session = signedIn(credential)) {
            return session.ask(request);
        }
    }

    private static String code(Message message) {
        assertThat(message).isInstanceOf(ErrorReply.class);
        return ((ErrorReply) message).code();
    }
}
