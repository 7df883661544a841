package io.gridside.link.testing;

import io.gridside.link.auth.Role;
import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameCodec;
import io.gridside.link.frame.FrameReader;
import io.gridside.link.message.Hello;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCatalogue;
import io.gridside.link.message.MessageCodec;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;

/**
 * One end of a link played by hand: reads and writes whole frames, so a test can answer, stay silent, send
 * noise or skip sequence numbers exactly when it wants to.
 */
public final class FramePeer {

    /** A message as it arrived, with the request it belongs to. */
    public record Received(long requestId, Message message) {
    }

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final FrameReader reader;
    private final OutputStream out;
    private int nextSeq;

    public FramePeer(Socket socket) throws IOException {
        // A script waiting for a frame that never comes fails instead of hanging the build.
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        this.reader = new FrameReader(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Waits for the console's hello and accepts it as the sample gateway does, for a supervisor's session. */
    public Received acceptHello() throws IOException {
        Received hello = receive(Hello.class);
        send(hello.requestId(), SampleMessages.helloReplyTo((Hello) hello.message(), Role.SUPERVISOR));
        return hello;
    }

    /** Reads and ignores whatever comes until the other end closes the link. */
    public void awaitClose() throws IOException {
        try {
            while (reader.next() != null) {
                // Anything more the console says is of no interest to the script.
            }
        } catch (SocketException e) {
            // A reset is the other end going away as well.
        }
    }

    /** The next good message. */
    public Received receive() throws IOException {
        Frame frame = reader.next();
        if (frame == null) {
            throw new EOFException("The other end closed the link while a frame was awaited.");
        }
        return new Received(frame.requestId(), MessageCodec.decode(frame.type(), frame.payload()));
    }

    /** The next good message, which must be of {@code type}. */
    public Received receive(Class<? extends Message> type) throws IOException {
        Received received = receive();
        if (!type.isInstance(received.message())) {
            throw new AssertionError("Expected a " + type.getSimpleName() + " but received " + received.message());
        }
        return received;
    }

    /** Sends a message as the next frame in sequence. */
    public void send(long requestId, Message message) throws IOException {
        sendAs(nextSeq, requestId, message);
    }

    /** Sends a message with the given sequence number; later frames count on from it. */
    public void sendAs(int seq, long requestId, Message message) throws IOException {
        nextSeq = seq;
        sendFrame(MessageCatalogue.codeOf(message), requestId, MessageCodec.encode(message));
    }

    /** Sends an intact frame of any type, as the next in sequence: for codes or payloads this build refuses. */
    public void sendFrame(int type, long requestId, byte[] payload) throws IOException {
        Frame frame = new Frame(type, nextSeq, 0, requestId, payload);
        nextSeq = (nextSeq + 1) & 0xFFFF;
        write(FrameCodec.encode(frame));
    }

    /** Writes raw bytes: noise, a broken frame, or something that is not the link protocol at all. */
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Frames this end dropped for breaking a framing rule. */
    public long dropped() {
        return reader.dropped();
    }
}
