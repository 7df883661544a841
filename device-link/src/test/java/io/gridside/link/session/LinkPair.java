package io.gridside.link.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.message.Message;
import io.gridside.link.message.Ping;
import io.gridside.link.message.Priority;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two links joined by in-memory lines, each end recording what it is handed: the reliable layer under test
 * with nothing else around it. Timers are short, so that a lost frame costs a test little.
 */
final class LinkPair implements AutoCloseable {

    /** A message as one end was handed it. */
    record Delivered(long requestId, Message message) {
    }

    /** One end: its link and what its handler saw. */
    static final class End implements LinkHandler {

        final LinkConnection link;
        final List<Delivered> delivered = new ArrayList<>();
        final CompletableFuture<IOException> closed = new CompletableFuture<>();
        final AtomicInteger peerResets = new AtomicInteger();
        private volatile CountDownLatch hold = new CountDownLatch(0);

        End(LinkConnection link) {
            this.link = link;
        }

        /** Makes the handler stop at the next message until {@link #release()}: a consumer that fell behind. */
        void holdDeliveries() {
            hold = new CountDownLatch(1);
        }

        void release() {
            hold.countDown();
        }

        @Override
        public void onMessage(long requestId, Message message) {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                delivered.add(new Delivered(requestId, message));
                notifyAll();
            }
        }

        @Override
        public void onClosed(IOException cause) {
            closed.complete(cause);
        }

        @Override
        public void onPeerReset() {
            peerResets.incrementAndGet();
        }

        /** Waits until {@code count} messages have been handed over; fails after {@code timeout}. */
        synchronized List<Delivered> awaitDelivered(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (delivered.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(delivered.size() + " of " + count + " messages arrived in time.");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return List.copyOf(delivered);
        }

        synchronized List<Delivered> delivered() {
            return List.copyOf(delivered);
        }
    }

    final MemoryLine aToB;
    final MemoryLine bToA;
    final End a;
    final End b;

    private LinkPair(MemoryLine aToB, MemoryLine bToA, End a, End b) {
        this.aToB = aToB;
        this.bToA = bToA;
        this.a = a;
        this.b = b;
    }

    /** Short timers, small fragments and a small window, so that tests cross every boundary quickly. */
    static LinkOptions testOptions() {
        return new LinkOptions(64, 32, 4 * 1024, Duration.ofMillis(50), Duration.ofMillis(10),
                Duration.ofMillis(200));
    }

    static LinkPair open(LinkOptions options, LineFaults aToBFaults, LineFaults bToAFaults) throws IOException {
        return open(options, options, aToBFaults, bToAFaults);
    }

    static LinkPair open(LinkOptions aOptions, LinkOptions bOptions, LineFaults aToBFaults, LineFaults bToAFaults)
            throws IOException {
        MemoryLine aToB = new MemoryLine(aToBFaults);
        MemoryLine bToA = new MemoryLine(bToAFaults);
        End a = new End(new LinkConnection(new MemoryTransport(bToA, aToB, "a"), aOptions));
        End b = new End(new LinkConnection(new MemoryTransport(aToB, bToA, "b"), bOptions));
        a.link.start(a, "test-link-a");
        b.link.start(b, "test-link-b");
        return new LinkPair(aToB, bToA, a, b);
    }

    /** Waits until both ends owe nothing and both lines are empty: from then on neither writes a frame. */
    void awaitQuiet(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietLooks = 0;
        while (quietLooks < 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The link never went quiet.");
            }
            boolean quiet = a.link.isQuiet() && b.link.isQuiet() && aToB.isEmpty() && bToA.isEmpty();
            quietLooks = quiet ? quietLooks + 1 : 0;
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        a.link.close();
        b.link.close();
    }

    /** Sends each message as request {@code firstId + i}, all in one priority class so that their order holds. */
    static void sendAll(LinkConnection link, List<Message> messages, long firstId) throws IOException {
        for (int i = 0; i < messages.size(); i++) {
            link.send(firstId + i, messages.get(i), Priority.BULK);
        }
    }

    /**
     * The receiving end got exactly the messages sent, in order: a last message sent after them is awaited, so a
     * duplicate of any of them, which would come before it, cannot be missed.
     */
    static void assertExactlyOnceInOrder(LinkConnection sender, LinkPair.End receiver, List<Message> sent,
            long firstId) throws Exception {
        long lastId = firstId + sent.size();
        Message last = new Ping(lastId);
        sender.send(lastId, last, Priority.BULK);

        List<LinkPair.Delivered> delivered = receiver.awaitDelivered(sent.size() + 1, Duration.ofSeconds(30));

        List<LinkPair.Delivered> expected = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            expected.add(new LinkPair.Delivered(firstId + i, sent.get(i)));
        }
        expected.add(new LinkPair.Delivered(lastId, last));
        assertThat(delivered).containsExactlyElementsOf(expected);
    }
}
