package io.gridside.link.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianCommand;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CommandsBatch;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.GetCommands;
import io.gridside.link.message.GetSite;
import io.gridside.link.message.Message;
import io.gridside.link.message.SignedCommand;
import io.gridside.link.message.SiteReply;
import io.gridside.link.message.StreamEnd;
import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.ScriptedConsole;
import io.gridside.link.testing.TestCredentials;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests that move money are taken only as commands signed by the key that the session's credential names,
 * each once, and the gateway logs each command it took with its answer.
 */
@Timeout(10)
class GatewaySessionCommandTest {

    private static final CashTopUp TOP_UP = new CashTopUp("c-001", null, 50_000, "KES", "R-1", "paid at the kiosk");

    private final FakeGatewayService service = new FakeGatewayService();
    private int nonces;

    @Test
    void takesASignedTopUpAndLogsTheCommandWithItsAnswer() throws Exception {
        SignedCredential technician = TestCredentials.keyedTechnician();
        SignedCommand command = sign(technician, TOP_UP, TestCredentials.TECHNICIAN_KEY);

        List<Message> log;
        try (ScriptedConsole session = ScriptedConsole.of(service, technician)) {
            assertThat(session.ask(command)).isInstanceOf(CashReceipt.class);
            log = session.askStream(new GetCommands(0));
        }

        assertThat(service.payments()).containsOnlyKeys("R-1");
        CommandsBatch.Entry entry = ((CommandsBatch) log.get(0)).commands().get(0);
        assertThat(entry.seq()).isEqualTo(1);
        assertThat(entry.command()).isEqualTo(command.command());
        assertThat(entry.signature()).isEqualTo(command.signature());
        assertThat(entry.credential()).isEqualTo(technician.signed());
        assertThat(((CashReceipt) entry.decodedAnswer()).reference()).isEqualTo("R-1");
        assertThat(TechnicianCommand.decode(entry.command().toByteArray()).decodedRequest()).isEqualTo(TOP_UP);
        assertThat(log.get(log.size() - 1)).isEqualTo(new StreamEnd(1, false));
    }

    @Test
    void refusesATamperedCommand() throws Exception {
        SignedCredential technician = TestCredentials.keyedTechnician();
        SignedCommand signed = sign(technician, TOP_UP, TestCredentials.TECHNICIAN_KEY);
        TechnicianCommand command = TechnicianCommand.decode(signed.command().toByteArray());
        Map<String, Object> raised = new java.util.LinkedHashMap<>(command.request());
        raised.put("amountMinor", 90_000L);
        TechnicianCommand tampered = new TechnicianCommand(command.siteId(), command.gatewayId(),
                command.credential(), command.messageType(), raised, command.nonce(), command.issuedAt());

        Message answer = askAs(technician, new SignedCommand(ByteString.of(tampered.encode()), signed.signature()));

        assertThat(code(answer)).isEqualTo("COMMAND_BAD_SIGNATURE");
        assertThat(service.payments()).isEmpty();
    }

    @Test
    void refusesACommandSignedWithAnotherKey() throws Exception {
        SignedCredential technician = TestCredentials.keyedTechnician();
        SigningKey foreign = SigningKey.fromSeed(ByteString.fromHex("06".repeat(32)));

        Message answer = askAs(technician, sign(technician, TOP_UP, foreign));

        assertThat(code(answer)).isEqualTo("COMMAND_BAD_SIGNATURE");
        assertThat(service.payments()).isEmpty();
    }

    @Test
    void refusesAReplayedCommandInTheSameSessionAndInAnother() throws Exception {
        SignedCredential technician = TestCredentials.keyedTechnician();
        SignedCommand command = sign(technician, new CashTopUp("c-001", null, 100, "KES", "R-7", ""),
                TestCredentials.TECHNICIAN_KEY);

        Message again;
        try (ScriptedConsole session = ScriptedConsole.of(service, technician)) {
            assertThat(session.ask(command)).isInstanceOf(CashReceipt.class);
            again = session.ask(command);
        }
        Message later = askAs(technician, command);

        assertThat(code(again)).isEqualTo("COMMAND_REPLAYED");
        assertThat(code(later)).isEqualTo("COMMAND_REPLAYED");
        assertThat(service.commandLog().after(0)).hasSize(1);
        assertThat(service.payments()).containsOnlyKeys("R-7");
    }

    @Test
    void refusesABareRequestThatMovesMoney() throws Exception {
        Message answer = askAs(TestCredentials.keyedTechnician(), TOP_UP);

        assertThat(code(answer)).isEqualTo("COMMAND_UNSIGNED");
        assertThat(((ErrorReply) answer).message()).as("the technician is told where the key belongs")
                .contains("key file", "beside the credential file");
        assertThat(service.payments()).isEmpty();
    }

    @Test
    void letsACredentialWithoutAKeyReadButNotMoveMoney() throws Exception {
        SignedCredential old = TestCredentials.technician();
        List<Message> answers = new ArrayList<>();
        try (ScriptedConsole session = ScriptedConsole.of(service, old)) {
            answers.add(session.ask(new GetSite()));
            answers.add(session.ask(TOP_UP));
            answers.add(session.ask(sign(old, TOP_UP, TestCredentials.TECHNICIAN_KEY)));
        }

        assertThat(answers.get(0)).isInstanceOf(SiteReply.class);
        assertThat(code(answers.get(1))).isEqualTo("COMMAND_KEYLESS_CREDENTIAL");
        assertThat(code(answers.get(2))).isEqualTo("COMMAND_KEYLESS_CREDENTIAL");
        assertThat(service.payments()).isEmpty();
    }

    @Test
    void refusesACommandForAnotherCredentialOrGateway() throws Exception {
        SignedCredential technician = TestCredentials.keyedTechnician();
        SignedCredential supervisor = TestCredentials.keyedSupervisor();
        SignedCommand otherGateway = TechnicianCommand.of(SampleMessages.SITE_ID, "gw-elsewhere", technician, TOP_UP,
                nonce(), SampleMessages.CLOCK).sign(TestCredentials.TECHNICIAN_KEY);

        Message forSupervisor = askAs(technician, sign(supervisor, TOP_UP, TestCredentials.TECHNICIAN_KEY));
        Message elsewhere = askAs(technician, otherGateway);

        assertThat(code(forSupervisor)).isEqualTo("COMMAND_WRONG_CREDENTIAL");
        assertThat(code(elsewhere)).isEqualTo("COMMAND_WRONG_GATEWAY");
        assertThat(service.payments()).isEmpty();
    }

    private SignedCommand sign(SignedCredential credential, Message request, SigningKey key) {
        return TechnicianCommand.of(SampleMessages.SITE_ID, SampleMessages.GATEWAY_ID, credential, request, nonce(),
                SampleMessages.CLOCK).sign(key);
    }

    private ByteString nonce() {
        nonces++;
        return ByteString.fromHex(String.format("%032x", nonces));
    }

    private Message askAs(SignedCredential credential, Message request) throws IOException {
        try (ScriptedConsole session = ScriptedConsole.of(service, credential)) {
            return session.ask(request);
        }
    }

    private static String code(Message message) {
        assertThat(message).isInstanceOf(ErrorReply.class);
        return ((ErrorReply) message).code();
    }
}
