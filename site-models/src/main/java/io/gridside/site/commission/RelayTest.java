package io.gridside.site.commission;

import io.gridside.site.RelayState;
import java.time.Instant;
import java.util.Objects;

/**
 * A meter's relay tested on site: switched off and read back, then switched on and read back. It passed when the
 * two read-backs are {@code OFF} then {@code ON}.
 *
 * @param meterId      the meter's serial
 * @param afterOff     the relay as read back after the command to switch off, or null when no answer came
 * @param afterOn      the relay as read back after the command to switch on, or null when no answer came
 * @param testedAt     when the test ended
 * @param note         what went wrong in words, or empty when it passed
 */
public record RelayTest(String meterId, RelayState afterOff, RelayState afterOn, Instant testedAt, String note) {

    public RelayTest {
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(testedAt, "testedAt");
        note = note == null ? "" : note;
    }

    /** Whether the relay opened and closed again when told to. */
    public boolean passed() {
        return afterOff == RelayState.OFF && afterOn == RelayState.ON;
    }
}
