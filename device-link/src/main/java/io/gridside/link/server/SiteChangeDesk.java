package io.gridside.link.server;

import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.Message;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A session's answers to the requests that change who is on which meter: exchanges and moves. */
final class SiteChangeDesk {

    private static final Logger LOG = LoggerFactory.getLogger(SiteChangeDesk.class);

    private SiteChangeDesk() {
    }

    static boolean handles(Message message) {
        return message instanceof ExchangeMeter || message instanceof MoveOut || message instanceof MoveIn;
    }

    /** Exchanges a meter or moves a customer out or in, as technician {@code by} asked, or says which rule broke. */
    static Message answer(GatewayService service, Message request, String by) {
        Message answer;
        try {
            if (request instanceof ExchangeMeter exchange) {
                answer = service.exchangeMeter(exchange, by);
            } else if (request instanceof MoveOut moveOut) {
                answer = service.moveOut(moveOut, by);
            } else {
                answer = service.moveIn((MoveIn) request, by);
            }
        } catch (SiteChangeRefusedException e) {
            LOG.info("Refused a {} to technician {}: {}", request.getClass().getSimpleName(), by, e.code());
            return new ErrorReply(e.code(), e.getMessage());
        }
        LOG.info("Technician {} made a {}: {}", by, request.getClass().getSimpleName(), answer);
        return answer;
    }
}
