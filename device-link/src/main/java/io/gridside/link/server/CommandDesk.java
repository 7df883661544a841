package io.gridside.link.server;

import io.gridside.link.auth.CommandCheck;
import io.gridside.link.auth.CommandRefusal;
import io.gridside.link.auth.CommandRefusedException;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.TechnicianCommand;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.LedgerBatch;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCatalogue;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.SignedCommand;
import io.gridside.link.message.StreamEnd;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.LedgerLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session's part in taking commands that move money: it checks each signed command against the session's
 * credential (see {@link CommandCheck}), takes each nonce once, and writes the command with the gateway's answer
 * to the service's {@link CommandLog}. Bare requests that move money are refused.
 */
final class CommandDesk {

    private final GatewayService service;
    private final CommandCheck check;
    /** The answers sent so far to each command being carried out, by request id. */
    private final Map<Long, List<Message>> answers = new ConcurrentHashMap<>();

    CommandDesk(GatewayService service) {
        this.service = service;
        this.check = new CommandCheck(service.profile().siteId(), service.profile().gatewayId());
    }

    /**
     * The request that {@code message} asks for: a signed command's request once it checks out, or any other
     * message as it is. A bare request that moves money is refused later, once its role is checked.
     *
     * @throws CommandRefusedException for a command that breaks a rule
     */
    Message requestOf(Message message, SignedCredential credential) throws CommandRefusedException {
        if (message instanceof SignedCommand signed) {
            return check.check(signed, credential, service.commandLog()::holds).decodedRequest();
        }
        return message;
    }

    /**
     * Takes the command's nonce for request {@code requestId}, whose answers are kept from now on until
     * {@link #record}.
     *
     * @throws CommandRefusedException {@code COMMAND_REPLAYED} when the nonce was taken meanwhile
     */
    void begin(long requestId, SignedCommand signed) throws CommandRefusedException {
        TechnicianCommand command = TechnicianCommand.decode(signed.command().toByteArray());
        if (!service.commandLog().reserve(command.nonce())) {
            throw new CommandRefusedException(CommandRefusal.REPLAYED, "The gateway took this command before; a "
                    + "copy of a command is never taken twice. Ask again to repeat it.");
        }
        answers.put(requestId, new ArrayList<>());
    }

    /** Keeps {@code answer} when it answers a command being carried out. */
    void answered(long requestId, Message answer) {
        List<Message> kept = answers.get(requestId);
        if (kept != null) {
            kept.add(answer);
        }
    }

    /** Writes the command to the log with what the gateway answered it. */
    void record(long requestId, SignedCommand signed, SignedCredential credential) {
        List<Message> kept = answers.remove(requestId);
        Message answer = answerOf(kept == null ? List.of() : kept);
        TechnicianCommand command = TechnicianCommand.decode(signed.command().toByteArray());
        service.commandLog().append(service.clock(), command.nonce(), signed.command(), signed.signature(),
                credential.signed(), credential.signature(), MessageCatalogue.codeOf(answer),
                ByteString.of(MessageCodec.encode(answer)));
    }

    /**
     * The one answer of a request, or the ledger batches of a stream of corrections joined in one; a fault when the
     * gateway failed before it answered, which it then reports to the console as such.
     */
    private static Message answerOf(List<Message> kept) {
        if (kept.isEmpty()) {
            return new ErrorReply("GATEWAY_FAULT", "The gateway failed before it answered this command.");
        }
        List<LedgerLink> links = new ArrayList<>();
        for (Message message : kept) {
            if (message instanceof LedgerBatch batch) {
                links.addAll(batch.links());
            } else if (!(message instanceof StreamEnd)) {
                return message;
            }
        }
        return LedgerBatch.of(links, links.size());
    }
}
