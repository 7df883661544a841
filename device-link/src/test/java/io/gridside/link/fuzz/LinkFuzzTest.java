package io.gridside.link.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.frame.FrameReader;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.server.GatewayLinks;
import io.gridside.link.session.LinkConnection;
import io.gridside.link.session.LinkHandler;
import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.transport.Transport;
import io.gridside.link.transport.TransportKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Throws hostile frames at the decoder and at a live session: nothing may escape as an exception, hang, or
 * take the link down. The everyday run uses fifty thousand frames; {@code -Plong} runs a million.
 */
class LinkFuzzTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fiftyThousandHostileFramesNeverBreakTheDecoder() throws IOException {
        decodeAll(50_000, 11);
    }

    @Test
    @Tag("long")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aMillionHostileFramesNeverBreakTheDecoder() throws IOException {
        for (int seed = 0; seed < 10; seed++) {
            decodeAll(100_000, 1000 + seed);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aLiveSessionSurvivesFiftyThousandHostileFrames() throws Exception {
        feedSession(50_000, 21);
    }

    @Test
    @Tag("long")
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aLiveSessionSurvivesAMillionHostileFrames() throws Exception {
        feedSession(1_000_000, 22);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aGatewayServingNewLinksSurvivesFiftyThousandHostileFrames() throws Exception {
        feedGateway(50_000, 31);
    }

    @Test
    @Tag("long")
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aGatewayServingNewLinksSurvivesAMillionHostileFrames() throws Exception {
        feedGateway(1_000_000, 32);
    }

    /**
     * Frames at a gateway's links, as a new transport meets them: the greeter that tells a resume from a new
     * session, then the session with its hello and credential checks, behind it.
     */
    private static void feedGateway(int frames, long seed) throws Exception {
        List<Throwable> escaped = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> escaped.add(error));
        try (PipedOutputStream line = new PipedOutputStream();
                PipedInputStream input = new PipedInputStream(line, 1 << 16)) {
            CountDownLatch ended = new CountDownLatch(1);
            GatewayLinks links = new GatewayLinks(new FakeGatewayService());
            links.serve(new FuzzTransport(input, line), ended::countDown);
            FrameFuzzer fuzzer = new FrameFuzzer(seed);
            for (int sent = 0; sent < frames; sent += 1000) {
                line.write(fuzzer.frames(1000));
            }
            line.flush();

            assertThat(ended.getCount()).as("the gateway still serves the link after the flood").isEqualTo(1);
            assertThat(links.sessions()).as("a session took the link past its first frame").hasSize(1);
            links.close();
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertThat(escaped).as("exceptions that escaped the gateway's threads").isEmpty();
    }

    /** Frames through the framing and the message decoder, as the session does it, one at a time. */
    private static void decodeAll(int frames, long seed) throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(new FrameFuzzer(seed).frames(frames)));
        io.gridside.link.frame.Frame frame;
        int decoded = 0;
        while ((frame = reader.next()) != null) {
            try {
                Message message = MessageCodec.decode(frame.type(), frame.payload());
                assertThat(message).isNotNull();
                decoded++;
            } catch (io.gridside.link.message.MalformedMessageException expected) {
                // A mended frame with a garbled message must be refused this way and no other.
            }
        }
        assertThat(reader.dropped() + reader.received()).isPositive();
        assertThat(decoded).isLessThanOrEqualTo((int) reader.received());
    }

    private static void feedSession(int frames, long seed) throws Exception {
        List<Throwable> escaped = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> escaped.add(error));
        try (PipedOutputStream line = new PipedOutputStream();
                PipedInputStream input = new PipedInputStream(line, 1 << 16)) {
            CountDownLatch closed = new CountDownLatch(1);
            AtomicInteger messages = new AtomicInteger();
            LinkConnection connection = new LinkConnection(new FuzzTransport(input, line));
            connection.start(new LinkHandler() {
                @Override
                public void onMessage(long requestId, Message message) {
                    messages.incrementAndGet();
                }

                @Override
                public void onClosed(IOException cause) {
                    closed.countDown();
                }
            }, "fuzz-link");
            FrameFuzzer fuzzer = new FrameFuzzer(seed);
            for (int sent = 0; sent < frames; sent += 1000) {
                line.write(fuzzer.frames(1000));
            }
            line.flush();

            assertThat(connection.isOpen()).as("the link is still up after the flood").isTrue();
            assertThat(closed.getCount()).isEqualTo(1);
            connection.close();
            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertThat(escaped).as("exceptions that escaped the link's threads").isEmpty();
    }

    /**
     * A one-way line into the session; what the session sends is thrown away. Closing it closes the writing
     * end too, since a piped stream's reader only wakes for that.
     */
    private static final class FuzzTransport implements Transport {

        private final InputStream input;
        private final OutputStream line;

        FuzzTransport(InputStream input, OutputStream line) {
            this.input = input;
            this.line = line;
        }

        @Override
        public InputStream input() {
            return input;
        }

        @Override
        public OutputStream output() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public TransportKind kind() {
            return TransportKind.SERIAL;
        }

        @Override
        public String address() {
            return "fuzz";
        }

        @Override
        public void close() throws IOException {
            line.close();
            input.close();
        }
    }
}
