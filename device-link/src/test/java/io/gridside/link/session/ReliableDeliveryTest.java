package io.gridside.link.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.frame.Frame;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.Ping;
import io.gridside.link.message.Priority;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Messages cross a line that drops, garbles and reorders frames, and arrive once each, whole and in order. */
class ReliableDeliveryTest {

    /** Only a guard against a hung link: a healthy run takes a fraction of it. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Property(tries = 8, shrinking = ShrinkingMode.OFF)
    void everyMessageArrivesOnceWholeAndInOrderAcrossALossyLine(@ForAll long seed) throws Exception {
        List<Message> sent = messages(new Random(seed), 50);
        try (LinkPair pair = LinkPair.open(LinkPair.testOptions(), faulty(seed), faulty(~seed))) {

            LinkPair.sendAll(pair.a.link, sent, 1);

            LinkPair.assertExactlyOnceInOrder(pair.a.link, pair.b, sent, 1);
        }
    }

    @Property(tries = 5, shrinking = ShrinkingMode.OFF)
    void bothEndsSendingAtOnceEachGetEveryMessageOnceInOrder(@ForAll long seed) throws Exception {
        List<Message> fromA = messages(new Random(seed), 40);
        List<Message> fromB = messages(new Random(seed + 1), 40);
        try (LinkPair pair = LinkPair.open(LinkPair.testOptions(), faulty(seed), faulty(seed + 2))) {
            CompletableFuture<Void> bSending = CompletableFuture.runAsync(() -> sendAllUnchecked(pair.b.link, fromB));

            LinkPair.sendAll(pair.a.link, fromA, 1);
            bSending.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            LinkPair.assertExactlyOnceInOrder(pair.a.link, pair.b, fromA, 1);
            LinkPair.assertExactlyOnceInOrder(pair.b.link, pair.a, fromB, 1);
        }
    }

    @Test
    @Timeout(30)
    void cutsAMessageLargerThanAFragmentIntoNumberedFramesAndPutsItBackTogether() throws Exception {
        Message large = new ErrorReply("LARGE", text(new Random(7), 1_000));
        byte[] payload = MessageCodec.encode(large);
        try (LinkPair pair = LinkPair.open(LinkPair.testOptions(), LineFaults.none(), LineFaults.none())) {

            pair.a.link.send(9, large, Priority.EVENTS);

            assertThat(pair.b.awaitDelivered(1, PATIENCE)).containsExactly(new LinkPair.Delivered(9, large));
            // A slow machine may let a frame's ack timer run out, and the frame is then sent again: count it once.
            Map<Integer, Frame> bySeq = new TreeMap<>();
            pair.aToB.written().stream().filter(frame -> !frame.isAck())
                    .forEach(frame -> bySeq.putIfAbsent(frame.seq(), frame));
            List<Frame> frames = List.copyOf(bySeq.values());
            int fragment = LinkPair.testOptions().fragmentPayload();
            assertThat(frames).hasSize((payload.length + fragment - 1) / fragment);
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (int i = 0; i < frames.size(); i++) {
                Frame frame = frames.get(i);
                assertThat(frame.seq()).isEqualTo(i);
                assertThat(frame.has(Frame.FIRST)).isEqualTo(i == 0);
                assertThat(frame.has(Frame.LAST)).isEqualTo(i == frames.size() - 1);
                assertThat(frame.channel()).isEqualTo(Priority.EVENTS.channel());
                assertThat(frame.requestId()).isEqualTo(9);
                assertThat(frame.payload().length).isLessThanOrEqualTo(fragment);
                joined.writeBytes(frame.payload());
            }
            assertThat(joined.toByteArray()).isEqualTo(payload);
        }
    }

    @Test
    @Timeout(30)
    void refusesAMessageLargerThanALinkCarries() throws Exception {
        Message huge = new ErrorReply("HUGE", "x".repeat(LinkOptions.MAX_MESSAGE));
        try (LinkPair pair = LinkPair.open(LinkPair.testOptions(), LineFaults.none(), LineFaults.none())) {

            assertThatThrownBy(() -> pair.a.link.send(1, huge)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @Timeout(30)
    void cutLineDeliversAPrefixOnceInOrderAndReportsTheCut() throws Exception {
        List<Message> sent = messages(new Random(11), 400);
        try (LinkPair pair = LinkPair.open(LinkPair.testOptions(), LineFaults.none(), LineFaults.none())) {
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> sendAllUnchecked(pair.a.link, sent));
            pair.b.awaitDelivered(20, PATIENCE);

            pair.b.link.transport().close();

            assertThat(pair.a.closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNotNull();
            assertThat(pair.b.closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNotNull();
            assertThat(sending).failsWithin(PATIENCE);
            List<LinkPair.Delivered> delivered = pair.b.delivered();
            assertThat(delivered.size()).isLessThan(sent.size());
            for (int i = 0; i < delivered.size(); i++) {
                assertThat(delivered.get(i)).isEqualTo(new LinkPair.Delivered(i + 1, sent.get(i)));
            }
        }
    }

    static LineFaults faulty(long seed) {
        return new LineFaults(seed, 0.08, 0.08, 0.08);
    }

    /** Pings and error replies of every size from empty to many fragments. */
    static List<Message> messages(Random random, int count) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(random.nextInt(3) == 0 ? new Ping(random.nextLong())
                    : new ErrorReply("M" + i, text(random, random.nextInt(600))));
        }
        return messages;
    }

    static String text(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static void sendAllUnchecked(LinkConnection link, List<Message> messages) {
        try {
            LinkPair.sendAll(link, messages, 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
