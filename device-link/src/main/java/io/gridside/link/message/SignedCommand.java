package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.util.Objects;

/**
 * A request that moves money (a cash top-up or void, imported payments, a meter exchange, a move in or out, or
 * corrections), signed by the technician who asks for it. The gateway checks the signature against the key that
 * the session's credential names, refuses a command it has taken before, answers as it answers the request
 * inside, and keeps the command's bytes in its command log (see {@link GetCommands}).
 *
 * @param command the deterministic CBOR of the command ({@code gridside/command/1}), exactly as signed
 * @param signature the technician key's Ed25519 signature of {@code command}
 */
public record SignedCommand(ByteString command, ByteString signature) implements Message {

    public SignedCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(signature, "signature");
    }
}
