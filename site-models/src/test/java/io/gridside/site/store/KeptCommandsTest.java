package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.cbor.ByteString;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateways' command logs kept as read (decision 0090): each command once, its bytes as received. */
class KeptCommandsTest {

    private static final Instant AT = Instant.parse("2026-06-01T08:15:00Z");

    @TempDir
    Path dir;

    @Test
    void aCommandReadTwiceIsKeptOnceWithTheBytesFirstReceived() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            KeptCommands kept = store.keptCommands();

            int first = kept.keep(List.of(command("GW-OLD", 1, "0a0b"), command("GW-OLD", 2, "0c0d")));
            int again = kept.keep(List.of(command("GW-OLD", 1, "ffff"), command("GW-OLD", 2, "0c0d"),
                    command("GW-OLD", 3, "0e0f")));

            assertThat(first).isEqualTo(2);
            assertThat(again).isEqualTo(1);
            assertThat(kept.otherThan("GW-NEW")).extracting(KeptCommands.Kept::seq).containsExactly(1L, 2L, 3L);
            assertThat(kept.otherThan("GW-NEW").get(0)).isEqualTo(command("GW-OLD", 1, "0a0b"));
        }
    }

    @Test
    void theCurrentGatewaysOwnCommandsAreLeftOut() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            KeptCommands kept = store.keptCommands();
            kept.keep(List.of(command("GW-OLD", 1, "01"), command("GW-NEW", 1, "02")));

            assertThat(kept.otherThan("GW-NEW")).extracting(KeptCommands.Kept::gatewayId).containsExactly("GW-OLD");
            assertThat(kept.otherThan("GW-OLD")).extracting(KeptCommands.Kept::gatewayId).containsExactly("GW-NEW");
        }
    }

    @Test
    void theLastPlaceKeptIsEachGatewaysOwnAndNoneIsZero() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            KeptCommands kept = store.keptCommands();
            kept.keep(List.of(command("GW-OLD", 1, "01"), command("GW-OLD", 7, "02"), command("GW-NEW", 2, "03")));

            assertThat(kept.lastSeq("GW-OLD")).isEqualTo(7);
            assertThat(kept.lastSeq("GW-NEW")).isEqualTo(2);
            assertThat(kept.lastSeq("GW-OTHER")).isZero();
        }
    }

    private static KeptCommands.Kept command(String gatewayId, long seq, String commandHex) {
        return new KeptCommands.Kept(gatewayId, seq, AT.plusSeconds(seq), ByteString.fromHex(commandHex),
                ByteString.fromHex("5151"), ByteString.fromHex("c0c0"), ByteString.fromHex("d0d0"), 0x21,
                ByteString.fromHex("a1"));
    }
}
