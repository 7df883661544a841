package io.gridside.link.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameCodec;
import io.gridside.link.frame.FrameReader;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.Ping;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A new session on the same line: what a link keeps, what it forgets, and what it no longer believes. */
@Timeout(30)
class PeerResetTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final int OLD = 0x1111;
    private static final int NEW = 0x2222;
    private static final int NOTHING = 0xFFFF;
    private static final LinkOptions OPTIONS = new LinkOptions(64, 32, 4 * 1024, Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(10));

    private final MemoryLine toLink = new MemoryLine(LineFaults.none());
    private final MemoryLine fromLink = new MemoryLine(LineFaults.none());
    private final FrameReader peerReads = new FrameReader(fromLink.input());
    private final OutputStream peerWrites = toLink.output();
    private LinkPair.End link;

    @BeforeEach
    void startTheLink() throws IOException {
        link = new LinkPair.End(new LinkConnection(new MemoryTransport(toLink, fromLink, "under-test"), OPTIONS));
        link.link.start(link, "test-reset");
    }

    @AfterEach
    void closeTheLink() {
        link.link.close();
    }

    @Test
    void resetFromANewPeerEpochDiscardsTheFormerSessionsStateAndRestartsThisSidesNumbering() throws Exception {
        write(frame(OLD, 0, Frame.RESET | Frame.FIRST, NOTHING, 1, new byte[] {1, 2, 3}));
        write(message(OLD, 2, 0, NOTHING, 2, new Ping(2)));
        link.link.send(100, new Ping(100));
        Frame before = nextData();

        write(message(NEW, 0, Frame.RESET, NOTHING, 77, new Ping(77)));
        write(frame(OLD, 1, Frame.LAST, 0, 1, new byte[] {4}));
        write(message(NEW, 1, 0, NOTHING, 78, new Ping(78)));

        assertThat(link.awaitDelivered(2, PATIENCE)).extracting(LinkPair.Delivered::message)
                .containsExactly(new Ping(77), new Ping(78));
        assertThat(link.peerResets).hasValue(1);
        link.link.send(101, new Ping(101));
        Frame after = nextDataFor(101);
        assertThat(after.epoch()).isNotEqualTo(before.epoch());
        assertThat(after.seq()).isZero();
        assertThat(after.has(Frame.RESET)).isTrue();
    }

    @Test
    void framesOfAFormerEpochAreDroppedEvenWhenTheyCarryTheResetFlag() throws Exception {
        write(message(OLD, 0, Frame.RESET, NOTHING, 1, new Ping(1)));
        // Messages of a session not yet handed over when it ends are dropped with it, so wait for this one.
        link.awaitDelivered(1, PATIENCE);
        write(message(NEW, 0, Frame.RESET, NOTHING, 77, new Ping(77)));

        write(message(OLD, 1, 0, NOTHING, 2, new Ping(2)));
        write(message(OLD, 0, Frame.RESET, NOTHING, 1, new Ping(1)));
        write(message(NEW, 1, 0, NOTHING, 78, new Ping(78)));

        assertThat(link.awaitDelivered(3, PATIENCE)).extracting(LinkPair.Delivered::message)
                .containsExactly(new Ping(1), new Ping(77), new Ping(78));
        assertThat(link.peerResets).hasValue(1);
    }

    @Test
    void peerThatStartsOverWhileAcknowledgingThisSidesFramesDoesNotMakeThisSideStartOver() throws Exception {
        // A stale first frame of the peer's former session reaches this fresh link, which takes it for a start.
        write(message(OLD, 0, Frame.RESET, NOTHING, 1, new Ping(1)));
        link.awaitDelivered(1, PATIENCE);
        link.link.send(100, new Ping(100));
        Frame first = nextDataFor(100);

        // The peer, which received frame 0 of this side, had to start over for it and says so.
        write(message(NEW, 0, Frame.RESET, first.seq(), 77, new Ping(77)));
        link.awaitDelivered(2, PATIENCE);
        link.link.send(101, new Ping(101));

        Frame next = nextDataFor(101);
        assertThat(next.epoch()).isEqualTo(first.epoch());
        assertThat(next.seq()).isEqualTo(1);
        assertThat(next.has(Frame.RESET)).isFalse();
    }

    private Frame nextData() throws IOException {
        Frame frame;
        do {
            frame = peerReads.next();
        } while (frame.isAck());
        return frame;
    }

    private Frame nextDataFor(long requestId) throws IOException {
        Frame frame;
        do {
            frame = nextData();
        } while (frame.requestId() != requestId);
        return frame;
    }

    private void write(Frame frame) throws IOException {
        peerWrites.write(FrameCodec.encode(frame));
    }

    private static Frame message(int epoch, int seq, int flags, int ack, long requestId, Message message) {
        return frame(epoch, seq, flags | Frame.FIRST | Frame.LAST, ack, requestId, MessageCodec.encode(message));
    }

    private static Frame frame(int epoch, int seq, int flags, int ack, long requestId, byte[] payload) {
        return new Frame(0x04, flags, 0, epoch, seq, ack, 64, 0, requestId, payload);
    }
}
