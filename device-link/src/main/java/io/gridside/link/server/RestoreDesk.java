package io.gridside.link.server;

import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.FinishRestore;
import io.gridside.link.message.Message;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.ReadRegisters;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.message.RestoreConfigPart;
import io.gridside.link.message.RestoreLedgerPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the restore requests of protocol section 6.32 for a session, through its gateway's
 * {@link GatewayRestore}; a gateway that cannot be restored answers each with {@code UNSUPPORTED}.
 */
final class RestoreDesk {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreDesk.class);

    private RestoreDesk() {
    }

    static boolean handles(Message message) {
        return message instanceof BeginRestore || message instanceof RestoreChunk || message instanceof FinishRestore
                || message instanceof ReadRegisters || message instanceof PostReconciliation
                || message instanceof RestoreConfigPart || message instanceof RestoreLedgerPart;
    }

    /** The gateway's answer to {@code request} from the session of {@code by}, or the rule it broke. */
    static Message answer(GatewayService service, Message request, String by) {
        GatewayRestore restore;
        try {
            restore = service.restore();
        } catch (UnsupportedOperationException e) {
            return new ErrorReply("UNSUPPORTED", "This gateway cannot be restored from a replica.");
        }
        try {
            Message answer = carryOut(restore, request, by);
            LOG.info("Technician {} made a {}.", by, request.getClass().getSimpleName());
            return answer;
        } catch (RestoreRefusedException e) {
            LOG.info("Refused a {} to technician {}: {}", request.getClass().getSimpleName(), by, e.code());
            return new ErrorReply(e.code(), e.getMessage());
        }
    }

    private static Message carryOut(GatewayRestore restore, Message request, String by)
            throws RestoreRefusedException {
        if (request instanceof BeginRestore begin) {
            return restore.begin(begin, by);
        } else if (request instanceof RestoreChunk chunk) {
            return restore.chunk(chunk, by);
        } else if (request instanceof RestoreConfigPart part) {
            return restore.configPart(part, by);
        } else if (request instanceof RestoreLedgerPart part) {
            return restore.ledgerPart(part, by);
        } else if (request instanceof FinishRestore finish) {
            return restore.finish(finish, by);
        } else if (request instanceof ReadRegisters) {
            return restore.readRegisters();
        }
        return restore.post((PostReconciliation) request, by);
    }
}
