package io.gridside.link.message;

import io.gridside.site.RelayState;
import java.time.Instant;

/**
 * What a relay test found (protocol section 6.31): the relay's state read back after the disconnect and after the
 * reconnect. It passed when the relay read back open and then closed.
 *
 * @param afterDisconnect the state the meter reported once told to disconnect, or null when it did not answer
 * @param afterReconnect the state the meter reported once told to reconnect, or null when it did not answer
 * @param failure a sentence for the technician when the test did not pass, or null when it passed
 * @param testedAt when the test ended, by the gateway's clock
 */
public record RelayTested(String meterSerial, RelayState afterDisconnect, RelayState afterReconnect, boolean passed,
        String failure, Instant testedAt) implements Message {
}
