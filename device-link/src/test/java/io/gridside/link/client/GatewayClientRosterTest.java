package io.gridside.link.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.message.GetRoster;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.ScriptedPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pulling the roster, with each meter's feeder where the gateway lists them, over a loopback socket. */
@Timeout(20)
class GatewayClientRosterTest {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    @Test
    void pullsEachMetersFeederFromAGatewayThatListsFeeders() throws Exception {
        FakeGatewayService service = new FakeGatewayService().withCapabilities(GetRoster.FEEDERS);
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThat(pull(client)).isEqualTo(SampleMessages.rosterWithFeeders());
        }
    }

    @Test
    void asksAGatewayWithoutFeedersTheOldWayAndReadsItsMetersAsUnmapped() throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService());
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            List<RosterBatch.Entry> pulled = pull(client);

            assertThat(pulled).isEqualTo(SampleMessages.roster());
            assertThat(pulled).extracting(RosterBatch.Entry::feeder).containsOnlyNulls();
        }
    }

    private static List<RosterBatch.Entry> pull(GatewayClient client) throws LinkException {
        List<RosterBatch.Entry> roster = new ArrayList<>();
        client.roster((batch, received, total) -> roster.addAll(batch), CancelSignal.NEVER);
        return roster;
    }
}
