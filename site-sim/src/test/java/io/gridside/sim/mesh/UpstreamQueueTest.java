package io.gridside.sim.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UpstreamQueueTest {

    private record Message(String meterId, int number) {
    }

    @Test
    void aFloodingMeterDelaysEveryOtherMetersReadingByAtMostOneServicePerActiveMeter() {
        UpstreamQueue<Message> queue = new UpstreamQueue<>(100_000);
        for (int i = 0; i < 20_000; i++) {
            queue.offer("M-FLOOD", new Message("M-FLOOD", i));
        }
        int others = 50;
        for (int m = 0; m < others; m++) {
            queue.offer("M" + m, new Message("M" + m, 0));
        }

        List<Message> served = serveAll(queue);

        for (int m = 0; m < others; m++) {
            String meter = "M" + m;
            int position = indexOf(served, meter);
            // Its reading is at the head of its own queue at once, so at most one message of each of the
            // other active meters (the flooder and the other readers) goes before it.
            assertThat(position).as("services before %s's reading", meter).isLessThanOrEqualTo(others);
        }
        assertThat(served).hasSize(20_000 + others);
    }

    @Test
    void theBoundHoldsForReadingsArrivingWhileTheFloodIsBeingServed() {
        UpstreamQueue<Message> queue = new UpstreamQueue<>(100_000);
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            queue.offer("M-FLOOD", new Message("M-FLOOD", i));
        }
        int worstWait = 0;
        for (int step = 0; step < 2_000; step++) {
            String meter = "M" + random.nextInt(40);
            queue.offer(meter, new Message(meter, step));
            int active = queue.activeMeters();
            int waited = 0;
            Message next;
            while ((next = queue.poll()) != null && !next.meterId().equals(meter)) {
                waited++;
            }
            assertThat(waited).isLessThan(active);
            worstWait = Math.max(worstWait, waited);
        }
        assertThat(worstWait).isPositive();
    }

    @Test
    void keepsEachMetersOwnOrder() {
        UpstreamQueue<Message> queue = new UpstreamQueue<>(10);
        for (int i = 0; i < 5; i++) {
            queue.offer("A", new Message("A", i));
            queue.offer("B", new Message("B", i));
        }

        List<Message> served = serveAll(queue);

        assertThat(served.stream().filter(m -> m.meterId().equals("A")).map(Message::number))
                .containsExactly(0, 1, 2, 3, 4);
        assertThat(served).extracting(Message::meterId).startsWith("A", "B", "A", "B");
    }

    @Test
    void aFullMeterQueueDropsOnlyItsOwnOldestMessages() {
        UpstreamQueue<Message> queue = new UpstreamQueue<>(3);
        queue.offer("QUIET", new Message("QUIET", 0));
        for (int i = 0; i < 10; i++) {
            queue.offer("NOISY", new Message("NOISY", i));
        }

        List<Message> served = serveAll(queue);

        assertThat(queue.dropped("NOISY")).isEqualTo(7);
        assertThat(queue.dropped("QUIET")).isZero();
        assertThat(served).extracting(Message::number).containsExactly(0, 7, 8, 9);
    }

    private static List<Message> serveAll(UpstreamQueue<Message> queue) {
        List<Message> served = new ArrayList<>();
        Message message;
        while ((message = queue.poll()) != null) {
            served.add(message);
        }
        return served;
    }

    private static int indexOf(List<Message> served, String meter) {
        for (int i = 0; i < served.size(); i++) {
            if (served.get(i).meterId().equals(meter)) {
                return i;
            }
        }
        return -1;
    }
}
