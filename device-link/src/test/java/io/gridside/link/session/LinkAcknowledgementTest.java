package io.gridside.link.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.message.Message;
import io.gridside.link.message.Ping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which acknowledgements a link listens to, and which it must not. */
@Timeout(30)
class LinkAcknowledgementTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void peerThatOnlyAcknowledgesStillMovesTheWindowOfAOneWayTransfer() throws Exception {
        // Timers far longer than the transfer: were acknowledgements not heard, nothing would move.
        LinkOptions options = new LinkOptions(64, 32, 4 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(10));
        List<Message> sent = new ArrayList<>();
        for (int i = 0; i < 5 * options.window(); i++) {
            sent.add(new Ping(i));
        }
        try (LinkPair pair = LinkPair.open(options, LineFaults.none(), LineFaults.none())) {

            LinkPair.sendAll(pair.a.link, sent, 1);

            LinkPair.assertExactlyOnceInOrder(pair.a.link, pair.b, sent, 1);
            assertThat(pair.bToA.written()).allMatch(frame -> frame.isAck());
            assertThat(pair.a.link.stats().retransmissions()).isZero();
        }
    }
}
