package io.gridside.link.auth;

import io.gridside.link.message.Message;
import io.gridside.link.message.MalformedMessageException;
import io.gridside.link.message.SignedCommand;
import io.gridside.site.cbor.ByteString;
import java.util.function.Predicate;

/**
 * The check a gateway makes of a command that moves money, against the credential of the session it came in:
 * the rules run in a fixed order and the first one broken is the refusal. The credential must name its holder's
 * key; the bytes must be a command for a request that moves money; the signature must be that key's; the
 * command must name this session's credential, this site and this gateway, fall in the credential's window, and
 * carry a nonce the gateway has not taken before.
 */
public final class CommandCheck {

    private final String siteId;
    private final String gatewayId;

    public CommandCheck(String siteId, String gatewayId) {
        this.siteId = siteId;
        this.gatewayId = gatewayId;
    }

    /**
     * Refuses a request that moves money and came bare, and says why in the words the technician needs.
     *
     * @throws CommandRefusedException always: {@code KEYLESS_CREDENTIAL} or {@code UNSIGNED}
     */
    public static void refuseBare(Message request, SignedCredential session) throws CommandRefusedException {
        keyed(session);
        throw new CommandRefusedException(CommandRefusal.UNSIGNED, "A " + request.getClass().getSimpleName()
                + " moves money and is taken only as a command signed with the key of " + session.technicianId()
                + "'s credential: keep the credential's key file (issued with it, NAME.key.json) beside the "
                + "credential file, or use a console that signs commands.");
    }

    /**
     * The command, once every rule holds.
     *
     * @param taken whether the gateway took a command with a given nonce before
     * @throws CommandRefusedException with the first rule the command breaks
     */
    public TechnicianCommand check(SignedCommand signed, SignedCredential session, Predicate<ByteString> taken)
            throws CommandRefusedException {
        keyed(session);
        TechnicianCommand command = parse(signed);
        if (!TechnicianCommand.signedBy(session.credential(), signed.command(), signed.signature())) {
            throw new CommandRefusedException(CommandRefusal.BAD_SIGNATURE, "The command does not carry a valid "
                    + "signature of the key that " + session.technicianId() + "'s credential names: it was altered "
                    + "or signed with another key; nothing was done.");
        }
        if (!command.credential().equals(TechnicianCommand.credentialDigest(session.signed()))) {
            throw new CommandRefusedException(CommandRefusal.WRONG_CREDENTIAL, "The command names another "
                    + "credential than the one this session was opened with; sign it in this session.");
        }
        if (!command.siteId().equals(siteId) || !command.gatewayId().equals(gatewayId)) {
            throw new CommandRefusedException(CommandRefusal.WRONG_GATEWAY, "The command is for gateway "
                    + command.gatewayId() + " of site " + command.siteId() + ", and this is gateway " + gatewayId
                    + " of site " + siteId + "; nothing was done.");
        }
        if (!session.credential().validAt(command.issuedAt())) {
            throw new CommandRefusedException(CommandRefusal.OUTSIDE_CREDENTIAL, "The command was issued at "
                    + command.issuedAt() + ", outside the window of " + session.technicianId() + "'s credential.");
        }
        if (taken.test(command.nonce())) {
            throw new CommandRefusedException(CommandRefusal.REPLAYED, "The gateway took this command before "
                    + "(its nonce is not new); a copy of a command is never taken twice. Ask again to repeat it.");
        }
        return command;
    }

    private static void keyed(SignedCredential session) throws CommandRefusedException {
        if (!session.credential().hasTechnicianKey()) {
            throw new CommandRefusedException(CommandRefusal.KEYLESS_CREDENTIAL, "The credential of "
                    + session.technicianId() + " names no technician key, so it may read the site but not move "
                    + "money; ask your supervisor for a new credential with a key.");
        }
    }

    private static TechnicianCommand parse(SignedCommand signed) throws CommandRefusedException {
        try {
            TechnicianCommand command = TechnicianCommand.decode(signed.command().toByteArray());
            command.decodedRequest();
            if (command.nonce().size() != TechnicianCommand.NONCE_SIZE) {
                throw new IllegalArgumentException("its nonce is not " + TechnicianCommand.NONCE_SIZE + " bytes");
            }
            return command;
        } catch (IllegalArgumentException | MalformedMessageException e) {
            throw new CommandRefusedException(CommandRefusal.MALFORMED, "The command is damaged or not a Gridside "
                    + "command (" + e.getMessage() + "); nothing was done.");
        }
    }
}
