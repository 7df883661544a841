package io.gridside.console.service.firmware;

import java.time.Instant;

/** Stand-in until the firmware service lands; replaced on merge. */
public record GatewayInstall(Instant at, String version, boolean confirmed, String reason) {
}
