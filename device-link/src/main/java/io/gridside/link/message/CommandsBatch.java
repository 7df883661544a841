package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One batch of the gateway's command log, in the order the gateway took the commands.
 *
 * @param total how many commands the whole stream holds, so the receiver can show progress
 */
public record CommandsBatch(List<Entry> commands, long total) implements Message {

    public CommandsBatch {
        commands = List.copyOf(commands);
    }

    /**
     * One signed command as the gateway took it: enough to check it again anywhere, with no trust in the gateway
     * beyond the bytes themselves.
     *
     * @param seq the command's place in the log, from 1
     * @param takenAt the gateway's clock when it took the command
     * @param command the command's signed bytes ({@link SignedCommand#command()})
     * @param signature the technician's signature of {@code command}
     * @param credential the credential of the session that sent it, as its operator signed it
     * @param credentialSignature the operator's signature of {@code credential}
     * @param answerType the wire code of the gateway's answer: the request's reply, a ledger batch for
     *     corrections, or an error reply when a rule of the request itself was broken
     * @param answer the answer's payload, as this codec encodes it
     */
    public record Entry(long seq, Instant takenAt, ByteString command, ByteString signature, ByteString credential,
            ByteString credentialSignature, int answerType, ByteString answer) {

        public Entry {
            Objects.requireNonNull(takenAt, "takenAt");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(credential, "credential");
            Objects.requireNonNull(credentialSignature, "credentialSignature");
            Objects.requireNonNull(answer, "answer");
        }

        /** The gateway's answer, decoded. */
        public Message decodedAnswer() {
            return MessageCodec.decode(answerType, answer.toByteArray());
        }
    }
}
