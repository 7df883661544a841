package io.gridside.link.message;

import io.gridside.site.RelayState;
import java.time.Instant;

/**
 * The gateway's answer to a {@link MoveIn} it carried out.
 *
 * @param openedAt when the account opened, by the gateway's clock
 * @param openingRegisterWh the meter's register at the move-in, from which the new account is billed
 * @param relay the relay the meter is commanded to for the new account
 */
public record MovedIn(String customerId, String meterId, Instant openedAt, long openingRegisterWh,
        long balanceMinor, String currency, RelayState relay) implements Message {
}
