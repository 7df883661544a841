package io.gridside.console.service;

import java.time.Duration;
import java.time.Instant;

/**
 * The link's health as the status bar shows it.
 *
 * @param roundTrip the last measured round trip to the gateway
 * @param framesDropped frames that arrived broken and were dropped, since the session opened
 * @param gatewayClock the gateway's clock at the last answer
 * @param bytesPerSecond what arrived from the gateway per second since the previous measurement
 * @param retransmissions frames the console had to send again since the session opened
 */
public record LinkHealth(Duration roundTrip, long framesDropped, Instant gatewayClock, double bytesPerSecond,
        long retransmissions) {
}
