package io.gridside.link.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.frame.Frame;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.Message;
import io.gridside.link.message.Ping;
import io.gridside.link.message.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a link paces itself: a slow consumer slows the producer, urgent messages overtake bulk, idle is silent. */
@Timeout(60)
class FlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void slowConsumerMakesTheProducerWaitInsteadOfBufferingWithoutBound() throws Exception {
        LinkOptions options = LinkPair.testOptions();
        List<Message> sent = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            sent.add(new ErrorReply("M" + i, ReliableDeliveryTest.text(new Random(i), 100)));
        }
        try (LinkPair pair = LinkPair.open(options, LineFaults.none(), LineFaults.none())) {
            pair.b.holdDeliveries();
            AtomicInteger queued = new AtomicInteger();
            Thread producer = new Thread(() -> {
                try {
                    for (int i = 0; i < sent.size(); i++) {
                        pair.a.link.send(i + 1, sent.get(i), Priority.BULK);
                        queued.incrementAndGet();
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "test-producer");
            producer.start();

            awaitBlockedInSend(producer);

            int bytesPerMessage = io.gridside.link.message.MessageCodec.encode(sent.get(0)).length;
            // Frames the receiver may hold (in order and early) plus those in flight, then the sender's queue.
            int bound = 3 * options.window() + 1 + options.queueLimitBytes() / bytesPerMessage + 1;
            assertThat(queued.get()).isLessThanOrEqualTo(bound).isLessThan(sent.size());
            assertThat(producer.isAlive()).isTrue();
            assertThat(pair.bToA.written()).anyMatch(frame -> frame.isAck() && frame.window() == 0);

            pair.b.release();
            producer.join(PATIENCE.toMillis());
            LinkPair.assertExactlyOnceInOrder(pair.a.link, pair.b, sent, 1);
        }
    }

    @Test
    void controlMessageQueuedBehindBulkGoesOnTheWireBeforeTheRestOfTheBulk() throws Exception {
        LinkOptions slowTimers = new LinkOptions(64, 32, 64 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(10));
        Message bulk = new ErrorReply("BULK", ReliableDeliveryTest.text(new Random(3), 600));
        Message control = new Ping(99);
        try (LinkPair pair = LinkPair.open(slowTimers, LineFaults.none(), LineFaults.none())) {
            Semaphore line = new Semaphore(0);
            pair.aToB.gate(line);
            pair.a.link.send(1, bulk, Priority.BULK);
            awaitWriterAtGate(line);

            pair.a.link.send(2, control, Priority.CONTROL);
            line.release(1_000);

            pair.b.awaitDelivered(2, PATIENCE);
            List<Frame> order = firstTransmissions(pair.aToB.written());
            assertThat(order.get(0).channel()).isEqualTo(Priority.BULK.channel());
            assertThat(order.get(0).has(Frame.FIRST)).isTrue();
            assertThat(order.get(1).channel()).isEqualTo(Priority.CONTROL.channel());
            assertThat(order.get(1).requestId()).isEqualTo(2);
            assertThat(order.subList(2, order.size())).allMatch(frame -> frame.requestId() == 1).hasSizeGreaterThan(1);
            assertThat(pair.b.delivered()).extracting(LinkPair.Delivered::message).containsExactly(control, bulk);
        }
    }

    @Test
    void controlMessageFindsRoomWhileBulkHasFilledItsQueue() throws Exception {
        LinkOptions slowTimers = new LinkOptions(64, 32, 4 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(10));
        List<Message> bulk = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            bulk.add(new Ping(i));
        }
        // Larger than whatever room a queue full of small bulk messages has left.
        Message urgent = new ErrorReply("URGENT", ReliableDeliveryTest.text(new Random(1), 300));
        try (LinkPair pair = LinkPair.open(slowTimers, LineFaults.none(), LineFaults.none())) {
            Semaphore line = new Semaphore(0);
            pair.aToB.gate(line);
            Thread producer = new Thread(() -> sendQuietly(pair.a.link, bulk), "test-bulk-producer");
            producer.start();
            awaitBlockedInSend(producer);

            CompletableFuture<Void> control = CompletableFuture.runAsync(() -> {
                try {
                    pair.a.link.send(10_000, urgent, Priority.CONTROL);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            assertThat(control).succeedsWithin(PATIENCE);
            line.release(Integer.MAX_VALUE / 2);
            producer.join(PATIENCE.toMillis());
        }
    }

    private static void sendQuietly(LinkConnection link, List<Message> messages) {
        try {
            LinkPair.sendAll(link, messages, 1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void twoIdlePeersFallSilentAndNeverAcknowledgeAnAcknowledgement() throws Exception {
        List<Message> fromA = ReliableDeliveryTest.messages(new Random(5), 20);
        List<Message> fromB = ReliableDeliveryTest.messages(new Random(6), 20);
        try (LinkPair pair = LinkPair.open(LinkPair.testOptions(), LineFaults.none(), LineFaults.none())) {
            LinkPair.sendAll(pair.a.link, fromA, 1);
            LinkPair.sendAll(pair.b.link, fromB, 1);
            pair.b.awaitDelivered(fromA.size(), PATIENCE);
            pair.a.awaitDelivered(fromB.size(), PATIENCE);

            pair.awaitQuiet(PATIENCE);

            assertAcknowledgementsBoundedByData(pair.aToB.written(), pair.bToA.written());
            assertAcknowledgementsBoundedByData(pair.bToA.written(), pair.aToB.written());
        }
    }

    /** Each data frame received earns at most two bare acknowledgements: on arrival and on delivery. */
    private static void assertAcknowledgementsBoundedByData(List<Frame> written, List<Frame> received) {
        long acks = written.stream().filter(Frame::isAck).count();
        long dataReceived = received.stream().filter(frame -> !frame.isAck()).count();
        assertThat(acks).isLessThanOrEqualTo(2 * dataReceived);
    }

    /** Data frames in the order they first went on the wire; resends of the same number left out. */
    private static List<Frame> firstTransmissions(List<Frame> written) {
        Set<Integer> seen = new LinkedHashSet<>();
        List<Frame> order = new ArrayList<>();
        for (Frame frame : written) {
            if (!frame.isAck() && seen.add(frame.seq())) {
                order.add(frame);
            }
        }
        return order;
    }

    private static void awaitWriterAtGate(Semaphore line) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!line.hasQueuedThreads()) {
            assertThat(System.nanoTime()).as("the writer reaching the gate").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Waits until the producer sits in send, waiting for room, and has stayed there across two looks. */
    private static void awaitBlockedInSend(Thread producer) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int blockedLooks = 0;
        while (blockedLooks < 2) {
            assertThat(producer.isAlive()).as("the producer still sending").isTrue();
            assertThat(System.nanoTime()).as("the producer being made to wait").isLessThan(deadline);
            boolean inSend = Arrays.stream(producer.getStackTrace())
                    .anyMatch(frame -> frame.getMethodName().equals("send")
                            && frame.getClassName().equals(LinkConnection.class.getName()));
            boolean waiting = producer.getState() == Thread.State.WAITING;
            blockedLooks = inSend && waiting ? blockedLooks + 1 : 0;
            Thread.sleep(50);
        }
    }
}
