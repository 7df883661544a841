package io.gridside.link.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gridside.link.client.LinkException;
import io.gridside.link.frame.Cobs;
import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameCodec;
import io.gridside.link.frame.FrameReader;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.MessageCatalogue;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.ScriptedPeer;
import io.gridside.link.transport.TcpTransport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two ends that speak different versions of the link protocol say so, each on its side, instead of going quiet. */
@Timeout(15)
class VersionMismatchTest {

    /** {@code frame} as a peer speaking frame version {@code version} would put it on the wire, checksum mended. */
    private static byte[] asVersion(Frame frame, int version) {
        byte[] wire = FrameCodec.encode(frame);
        byte[] raw = Cobs.decode(wire, 0, wire.length - 1);
        raw[0] = (byte) version;
        CRC32C crc = new CRC32C();
        crc.update(raw, 0, raw.length - Frame.TRAILER_LENGTH);
        ByteBuffer.wrap(raw).putInt(raw.length - Frame.TRAILER_LENGTH, (int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Cobs.encode(raw, 0, raw.length));
        out.write(FrameCodec.DELIMITER);
        return out.toByteArray();
    }

    @Test
    void consoleNamesBothVersionsWhenTheGatewaySpeaksAnother() throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.start(socket -> {
            InputStream in = socket.getInputStream();
            in.read(new byte[256]);
            ErrorReply answer = new ErrorReply("VERSION_UNSUPPORTED", "This gateway speaks version 3.");
            OutputStream out = socket.getOutputStream();
            out.write(asVersion(new Frame(MessageCatalogue.codeOf(answer), 0, 0xFFFF, 0,
                    MessageCodec.encode(answer)), 3));
            out.flush();
            ScriptedPeer.drain(socket);
        })) {
            LinkException refused = catchThrowableOfType(LinkException.class,
                    () -> gateway.openClient(Duration.ofSeconds(2)));

            assertThat(refused.code()).isEqualTo(LinkException.Code.REFUSED);
            assertThat(refused.getMessage()).contains("version 3", "version " + Frame.VERSION,
                    "VERSION_UNSUPPORTED");
        }
    }

    @Test
    void gatewayAnswersAConsoleOfAnotherVersionInItsOwnVersion() throws Exception {
        GatewayLinks links = new GatewayLinks(new FakeGatewayService());
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                Socket console = new Socket("127.0.0.1", server.getLocalPort())) {
            links.serve(TcpTransport.accepted(server.accept()), () -> { });
            OutputStream out = console.getOutputStream();
            out.write(asVersion(new Frame(MessageCatalogue.codeOf(SampleMessages.hello()), 0, 0xFFFF, 1,
                    MessageCodec.encode(SampleMessages.hello())), 1));
            out.flush();

            Frame answer = new FrameReader(console.getInputStream()).next();

            assertThat(MessageCodec.decode(answer.type(), answer.payload()))
                    .isInstanceOfSatisfying(ErrorReply.class, error -> {
                        assertThat(error.code()).isEqualTo("VERSION_UNSUPPORTED");
                        assertThat(error.message()).contains("version " + Frame.VERSION, "not 1");
                    });
        } finally {
            links.close();
        }
    }
}
