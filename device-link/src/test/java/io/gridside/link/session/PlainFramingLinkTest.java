package io.gridside.link.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameCodec;
import io.gridside.link.message.FirmwareChunk;
import io.gridside.link.message.Ping;
import io.gridside.link.transport.TransportKind;
import io.gridside.site.cbor.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two links over a real loopback socket agree on plain frames when both offer them, and keep COBS when one end
 * never offers, as a serial line or a peer of an earlier build does (protocol section 6.37).
 */
@Timeout(30)
class PlainFramingLinkTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void switchesBothWaysToPlainFramesWhenBothEndsOfferThem() throws Exception {
        try (Pair pair = Pair.open(TransportKind.TCP, TransportKind.TCP)) {
            exchange(pair);
            awaitSwitch(pair.a.writes);
            awaitSwitch(pair.b.writes);
            pair.a.end.link.send(6, new Ping(6));
            pair.b.end.link.send(7, new Ping(7));

            assertThat(pair.b.end.awaitDelivered(4, WAIT)).extracting(LinkPair.Delivered::message)
                    .contains(new Ping(6));
            assertThat(pair.a.end.awaitDelivered(3, WAIT)).extracting(LinkPair.Delivered::message)
                    .contains(new Ping(7));
            assertThat(pair.a.writes.plainAfterSwitch()).isPositive();
            assertThat(pair.b.writes.plainAfterSwitch()).isPositive();
        }
    }

    @Test
    void keepsCobsWithAnEndThatNeverOffers() throws Exception {
        try (Pair pair = Pair.open(TransportKind.TCP, TransportKind.SERIAL)) {
            exchange(pair);

            assertThat(pair.a.writes.switchedAt()).isNegative();
            assertThat(pair.b.writes.switchedAt()).isNegative();
            assertThat(pair.a.writes.allCobs()).isTrue();
            assertThat(pair.b.writes.allCobs()).isTrue();
        }
    }

    private static void awaitSwitch(RecordedWrites writes) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (writes.switchedAt() < 0) {
            assertThat(System.nanoTime()).as("the switch was written in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** A firmware chunk of 64 KiB one way, and pings both ways, each arriving whole (pings may pass the chunk). */
    private static void exchange(Pair pair) throws Exception {
        pair.a.end.link.send(1, new Ping(1));
        pair.b.end.awaitDelivered(1, WAIT);
        byte[] data = new byte[64 * 1024];
        new Random(5).nextBytes(data);
        FirmwareChunk chunk = new FirmwareChunk(ByteString.of(new byte[32]), 3, ByteString.of(data));
        pair.a.end.link.send(2, chunk);
        pair.b.end.link.send(3, new Ping(3));
        pair.b.end.link.send(4, new Ping(4));
        pair.a.end.link.send(5, new Ping(5));

        assertThat(pair.b.end.awaitDelivered(3, WAIT)).extracting(LinkPair.Delivered::message)
                .containsExactlyInAnyOrder(new Ping(1), chunk, new Ping(5));
        assertThat(pair.a.end.awaitDelivered(2, WAIT)).extracting(LinkPair.Delivered::message)
                .containsExactly(new Ping(3), new Ping(4));
    }

    /** One end of the pair: its link, and every write it made to its socket. */
    private record Side(LinkPair.End end, RecordedWrites writes) {
    }

    private record Pair(Side a, Side b) implements AutoCloseable {

        static Pair open(TransportKind aKind, TransportKind bKind) throws IOException {
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
                Socket client = new Socket(InetAddress.getByName("127.0.0.1"), server.getLocalPort());
                Socket accepted = server.accept();
                return new Pair(side(client, aKind, "a"), side(accepted, bKind, "b"));
            }
        }

        private static Side side(Socket socket, TransportKind kind, String name) throws IOException {
            RecordedWrites writes = new RecordedWrites(socket.getOutputStream());
            LinkPair.End end = new LinkPair.End(new LinkConnection(new SocketTransport(socket, writes, kind, name),
                    LinkOptions.forTransport(TransportKind.TCP)));
            end.link.start(end, "plain-test-" + name);
            return new Side(end, writes);
        }

        @Override
        public void close() {
            a.end.link.abort();
            b.end.link.abort();
        }
    }

    /**
     * Everything a link wrote, read back frame by frame as section 6.37 describes: COBS frames up to the delimiter
     * after this end's switch, plain frames by their length after it. A write may hold several frames.
     */
    private static final class RecordedWrites extends OutputStream {

        /** One frame as it was written, and whether it went plain. */
        private record Written(Frame frame, boolean plain) {
        }

        private final OutputStream out;
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();

        RecordedWrites(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            written.write(bytes, offset, length);
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        /** Which frame was this end's switch; -1 when none was written. */
        int switchedAt() {
            List<Written> frames = frames();
            for (int i = 0; i < frames.size(); i++) {
                Frame frame = frames.get(i).frame();
                if (frame.type() == Frame.FRAMING && frame.payload()[0] == Frame.PLAIN_SWITCH) {
                    return i;
                }
            }
            return -1;
        }

        /** How many frames went plain; each after the switch, which went in COBS. */
        int plainAfterSwitch() {
            List<Written> frames = frames();
            int switched = switchedAt();
            assertThat(frames.subList(0, switched + 1)).noneMatch(Written::plain);
            assertThat(frames.subList(switched + 1, frames.size())).allMatch(Written::plain);
            return frames.size() - switched - 1;
        }

        boolean allCobs() {
            return frames().stream().noneMatch(Written::plain);
        }

        /** Parses what was written; a frame that does not decode fails the test. */
        private List<Written> frames() {
            byte[] bytes;
            synchronized (this) {
                bytes = written.toByteArray();
            }
            List<Written> frames = new ArrayList<>();
            boolean plain = false;
            int at = 0;
            while (at < bytes.length) {
                if (plain) {
                    int length = Frame.HEADER_LENGTH + FrameCodec.plainPayloadLength(bytes, at) + Frame.TRAILER_LENGTH;
                    frames.add(new Written(FrameCodec.decodePlain(bytes, at, length), true));
                    at += length;
                    continue;
                }
                int end = at;
                while (bytes[end] != FrameCodec.DELIMITER) {
                    end++;
                }
                if (end > at) {
                    Frame frame = FrameCodec.decode(bytes, at, end - at);
                    frames.add(new Written(frame, false));
                    plain = frame.type() == Frame.FRAMING && frame.payload()[0] == Frame.PLAIN_SWITCH;
                }
                at = end + 1;
            }
            return frames;
        }
    }

    /** A socket as a transport of the given kind, writing through {@code out}. */
    private record SocketTransport(Socket socket, OutputStream out, TransportKind kind, String address)
            implements io.gridside.link.transport.Transport {

        @Override
        public InputStream input() throws IOException {
            return socket.getInputStream();
        }

        @Override
        public OutputStream output() {
            return out;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
