package io.gridside.link.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.TechnicianCommand;
import io.gridside.link.frame.Frame;
import io.gridside.link.message.Hello;
import io.gridside.link.message.HelloReply;
import io.gridside.link.message.Message;
import io.gridside.link.message.StreamEnd;
import io.gridside.link.server.GatewayService;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A console's session with a gateway service over a real loopback socket, played frame by frame: it says hello
 * with a credential, then sends each request as it is given, or, once {@link #signingMoneyMoves} is asked for,
 * each request that moves money as a command signed by {@link TestCredentials#TECHNICIAN_KEY}.
 */
public final class ScriptedConsole implements AutoCloseable {

    private final ScriptedPeer gateway;
    private final Socket socket;
    private final FramePeer console;
    private final SignedCredential credential;
    private long nextRequestId = 1;
    private boolean signing;

    private ScriptedConsole(ScriptedPeer gateway, SignedCredential credential) throws IOException {
        this.gateway = gateway;
        this.socket = gateway.connectSocket();
        this.console = new FramePeer(socket);
        this.credential = credential;
    }

    /** A session with {@code service}, signed in with {@code credential}; the hello must be answered. */
    public static ScriptedConsole of(GatewayService service, SignedCredential credential) throws IOException {
        ScriptedConsole session = new ScriptedConsole(ScriptedPeer.serving(service), credential);
        Hello hello = new Hello(List.of(Frame.VERSION), "test-console", credential.signed(),
                credential.signature(), ByteString.fromHex("5e".repeat(32)));
        assertThat(session.ask(hello)).isInstanceOf(HelloReply.class);
        return session;
    }

    /** From now on, sends each money move as a command signed by the technician's key, with a fresh nonce. */
    public ScriptedConsole signingMoneyMoves() {
        signing = true;
        return this;
    }

    /** Sends {@code request} and returns the answer, which must answer it. */
    public Message ask(Message request) throws IOException {
        long requestId = nextRequestId++;
        console.send(requestId, signed(request));
        FramePeer.Received received = console.receive();
        assertThat(received.requestId()).as("the request answered by %s", received.message()).isEqualTo(requestId);
        return received.message();
    }

    /** The answers to a stream request: its batches and then its end. */
    public List<Message> askStream(Message request) throws IOException {
        long requestId = nextRequestId++;
        console.send(requestId, signed(request));
        List<Message> answers = new ArrayList<>();
        while (answers.isEmpty() || !(answers.get(answers.size() - 1) instanceof StreamEnd)) {
            FramePeer.Received received = console.receive();
            assertThat(received.requestId()).isEqualTo(requestId);
            answers.add(received.message());
        }
        return answers;
    }

    private Message signed(Message request) {
        if (!signing || !TechnicianCommand.movesMoney(request)) {
            return request;
        }
        byte[] nonce = new byte[TechnicianCommand.NONCE_SIZE];
        new SecureRandom().nextBytes(nonce);
        return TechnicianCommand.of(SampleMessages.SITE_ID, SampleMessages.GATEWAY_ID, credential, request,
                ByteString.of(nonce), SampleMessages.CLOCK).sign(TestCredentials.TECHNICIAN_KEY);
    }

    @Override
    public void close() throws IOException {
        try (gateway) {
            socket.close();
        }
    }
}
