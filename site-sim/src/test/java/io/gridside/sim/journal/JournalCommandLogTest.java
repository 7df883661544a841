package io.gridside.sim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.message.CommandsBatch;
import io.gridside.site.cbor.ByteString;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated gateway's command log keeps its commands and every nonce it took across a restart. */
class JournalCommandLogTest {

    private static final Instant TAKEN = Instant.parse("2026-06-03T09:07:00.123456789Z");

    @Test
    void keepsCommandsAndTheirNoncesAcrossARestart(@TempDir Path directory) {
        ByteString nonce = ByteString.fromHex("0f".repeat(16));
        CommandsBatch.Entry written;
        try (JournalCommandLog log = JournalCommandLog.open(directory)) {
            assertThat(log.reserve(nonce)).isTrue();
            assertThat(log.reserve(nonce)).as("a nonce is taken once").isFalse();
            written = log.append(TAKEN, nonce, bytes("a1"), bytes("b2"), bytes("c3"), bytes("d4"), 0x41,
                    bytes("e5"));
        }

        try (JournalCommandLog reopened = JournalCommandLog.open(directory)) {
            assertThat(reopened.holds(nonce)).isTrue();
            assertThat(reopened.reserve(nonce)).isFalse();
            assertThat(reopened.holds(ByteString.fromHex("00".repeat(16)))).isFalse();
            assertThat(reopened.after(0)).containsExactly(written);
            assertThat(reopened.after(1)).isEmpty();
            assertThat(written.seq()).isEqualTo(1);
            assertThat(written.takenAt()).isEqualTo(TAKEN);
        }
    }

    private static ByteString bytes(String hex) {
        return ByteString.fromHex(hex);
    }
}
