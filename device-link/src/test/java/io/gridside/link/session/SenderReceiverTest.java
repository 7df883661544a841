package io.gridside.link.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.frame.Frame;
import io.gridside.link.frame.Payload;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The two halves of the reliable layer driven directly, on a clock the test moves, so that what they decide
 * can be checked step by step without threads or real time.
 */
class SenderReceiverTest {

    private static final long MS = 1_000_000L;
    private static final int EPOCH = 0x4242;
    private static final int PEER = 0x1717;
    private static final LinkOptions OPTIONS = new LinkOptions(64, 32, 4 * 1024, Duration.ofMillis(100),
            Duration.ofMillis(50), Duration.ofSeconds(2));

    private final Sender sender = new Sender(OPTIONS, EPOCH);
    private final Receiver receiver = new Receiver(OPTIONS.window());

    @Test
    void carriesMessagesInOrderPastSequenceWrapAroundWhileFramesAndAcknowledgementsAreLost() {
        int messages = 70_000;
        Random random = new Random(17);
        long now = 0;
        int queued = 0;
        int delivered = 0;
        long highestSeq = -1;
        while (delivered < messages) {
            while (queued < messages && sender.hasRoomFor(3, 8)) {
                sender.enqueue(fragment(queued++));
            }
            Sender.Outgoing outgoing;
            while ((outgoing = sender.next(now)) != null) {
                highestSeq = Math.max(highestSeq, outgoing.seq());
                if (random.nextInt(40) != 0) {
                    receiver.accept(frame(outgoing));
                }
            }
            Frame frame;
            while ((frame = receiver.take()) != null) {
                assertThat(ByteBuffer.wrap(frame.payload()).getLong()).isEqualTo(delivered++);
            }
            if (random.nextInt(10) != 0) {
                sender.acknowledge(PEER, receiver.ack(), receiver.window(), receiver.sack(), now);
            }
            now += 5 * MS;
        }
        assertThat(highestSeq).isGreaterThan(65_536);
        assertThat(sender.retransmissions()).isPositive();
        sender.acknowledge(PEER, receiver.ack(), receiver.window(), receiver.sack(), now);
        assertThat(sender.idle()).isTrue();
    }

    @Test
    void resendsAMissingFrameAtOnceWhenThreeLaterFramesAreHeld() {
        sendNew(5, 0);

        sender.acknowledge(PEER, 0, 32, 0b111, MS);

        Sender.Outgoing resent = sender.next(MS);
        assertThat(resent).isNotNull();
        assertThat(resent.seq()).isEqualTo(1);
        assertThat(sender.retransmissions()).isEqualTo(1);
    }

    @Test
    void waitsForTheTimerWhenFewerThanThreeLaterFramesAreHeld() {
        sendNew(5, 0);

        sender.acknowledge(PEER, 0, 32, 0b011, MS);

        assertThat(sender.next(MS)).isNull();
        assertThat(sender.next(200 * MS).seq()).isEqualTo(1);
    }

    @Test
    void neverResendsAFrameTheReceiverHoldsAlready() {
        sendNew(4, 0);

        sender.acknowledge(PEER, 0, 32, 0b10, MS);

        assertThat(sender.next(150 * MS).seq()).isEqualTo(1);
        assertThat(sender.next(150 * MS).seq()).isEqualTo(2);
        assertThat(sender.next(150 * MS)).isNull();
    }

    @Test
    void measuresTheRoundTripOnlyOnFramesSentOnce() {
        sendNew(1, 0);
        assertThat(sender.next(150 * MS).seq()).isZero();

        sender.acknowledge(PEER, 0, 32, 0, 160 * MS);

        assertThat(sender.smoothedRoundTripNanos()).isEqualTo(-1);
        sendNew(1, 200 * MS);
        sender.acknowledge(PEER, 1, 32, 0, 230 * MS);
        assertThat(sender.smoothedRoundTripNanos()).isEqualTo(30 * MS);
    }

    @Test
    void framesSentAfterATimeoutGetTheBackedOffTimer() {
        sendNew(1, 0);
        assertThat(sender.next(100 * MS).seq()).as("frame 0 timed out").isZero();

        sender.enqueue(fragment(1));
        assertThat(sender.next(100 * MS).seq()).isEqualTo(1);

        assertThat(sender.next(299 * MS)).as("frame 1 before its doubled timeout").isNull();
        assertThat(sender.next(300 * MS).seq()).isIn(0L, 1L);
    }

    @Test
    void marksTheFirstFrameOfAnEpochAndItsResendsWithTheResetFlag() {
        sendNew(2, 0);
        Sender.Outgoing resent = sender.next(150 * MS);

        assertThat(resent.seq()).isZero();
        assertThat(resent.reset()).isTrue();
        assertThat(sender.next(150 * MS).reset()).isFalse();
    }

    @Test
    void sendsNoMoreThanThePeersWindowAllows() {
        for (int i = 0; i < 10; i++) {
            sender.enqueue(fragment(i));
        }
        sender.acknowledge(PEER, 0xFFFF, 3, 0, 0);

        int sent = 0;
        while (sender.next(0) != null) {
            sent++;
        }

        assertThat(sent).isEqualTo(3);
    }

    @Test
    void probesAShutWindowWithOneFrameAfterATimeoutAndResendsItAsSoonAsTheWindowOpens() {
        sendNew(2, 0);
        for (int i = 2; i < 6; i++) {
            sender.enqueue(fragment(i));
        }
        sender.acknowledge(PEER, 1, 0, 0, MS);
        assertThat(sender.next(MS)).isNull();

        Sender.Outgoing probe = sender.next(120 * MS);
        assertThat(probe.seq()).isEqualTo(2);
        assertThat(sender.next(120 * MS)).isNull();
        sender.acknowledge(PEER, 1, 0, 0, 121 * MS);
        assertThat(sender.next(125 * MS)).isNull();

        sender.acknowledge(PEER, 1, 4, 0, 130 * MS);

        assertThat(sender.next(130 * MS).seq()).as("the dropped probe, first").isEqualTo(2);
        assertThat(sender.next(130 * MS).seq()).isEqualTo(3);
    }

    @Test
    void ignoresAcknowledgementsFromAPeerEpochItIsNotListeningTo() {
        sendNew(3, 0);
        sender.listenTo(PEER);

        sender.acknowledge(PEER + 1, 2, 32, 0, MS);

        assertThat(sender.idle()).isFalse();
        sender.acknowledge(PEER, 2, 32, 0, MS);
        assertThat(sender.idle()).isTrue();
    }

    @Test
    void lateAcknowledgementOfTheFormerEpochAcknowledgesNothingAfterAReset() {
        sender.listenTo(PEER);
        sendNew(6, 0);

        sender.reset(EPOCH + 1);
        sender.listenTo(PEER + 1);
        sendNew(6, MS);
        sender.acknowledge(PEER, 5, 32, 0, 2 * MS);

        assertThat(sender.next(150 * MS).seq()).isZero();
    }

    @Test
    void holdsFramesBeyondTheWindowAndDeliversThemWhenTheGapFills() {
        receiver.accept(dataFrame(0, true));
        receiver.accept(dataFrame(2, false));
        receiver.accept(dataFrame(3, false));

        assertThat(receiver.ack()).isZero();
        assertThat(receiver.sack()).isEqualTo(0b11);
        assertThat(receiver.outOfOrder()).isEqualTo(2);
        assertThat(receiver.take().seq()).isZero();
        assertThat(receiver.take()).isNull();

        receiver.accept(dataFrame(1, false));

        assertThat(receiver.ack()).isEqualTo(3);
        assertThat(receiver.sack()).isZero();
        assertThat(receiver.take().seq()).isEqualTo(1);
    }

    @Test
    void advertisesOnlyTheRoomItsDeliveryQueueHasLeft() {
        Receiver small = new Receiver(2);
        small.accept(dataFrame(0, true));
        small.accept(dataFrame(1, false));

        assertThat(small.window()).isZero();
        assertThat(small.accept(dataFrame(2, false))).isEqualTo(Receiver.Outcome.DROPPED);
        small.take();
        assertThat(small.window()).isEqualTo(1);
    }

    @Test
    void dropsFramesOfAnUnknownEpochThatDoNotStartIt() {
        assertThat(receiver.accept(dataFrame(3, false))).isEqualTo(Receiver.Outcome.DROPPED);
        assertThat(receiver.knowsPeer()).isFalse();
        assertThat(receiver.accept(dataFrame(0, true))).isEqualTo(Receiver.Outcome.ACCEPTED);
        assertThat(receiver.peerEpoch()).isEqualTo(PEER);
    }

    private void sendNew(int count, long now) {
        for (int i = 0; i < count; i++) {
            sender.enqueue(fragment(i));
        }
        for (int i = 0; i < count; i++) {
            assertThat(sender.next(now)).isNotNull();
        }
    }

    private static Sender.Fragment fragment(long index) {
        return new Sender.Fragment(0x04, Frame.FIRST | Frame.LAST, 3, 1,
                Payload.of(ByteBuffer.allocate(8).putLong(index).array()));
    }

    /** The frame the sender's link would write for {@code outgoing}, acknowledging nothing. */
    private static Frame frame(Sender.Outgoing outgoing) {
        Sender.Fragment fragment = outgoing.fragment();
        int flags = fragment.flags() | (outgoing.reset() ? Frame.RESET : 0);
        return new Frame(fragment.type(), flags, fragment.channel(), PEER, Sequences.wire(outgoing.seq()), 0xFFFF, 0,
                0, fragment.requestId(), fragment.payload());
    }

    private static Frame dataFrame(int seq, boolean reset) {
        int flags = Frame.FIRST | Frame.LAST | (reset ? Frame.RESET : 0);
        return new Frame(0x04, flags, 0, PEER, seq, 0xFFFF, 0, 0, seq, new byte[] {(byte) seq});
    }
}
