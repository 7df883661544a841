package io.gridside.link.server;

import io.gridside.link.message.Hello;
import io.gridside.link.message.HelloReply;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SiteReply;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import java.time.Instant;
import java.util.List;

/** What a gateway offers over the link; the simulated site implements it, as a real gateway's firmware would. */
public interface GatewayService {

    /**
     * Checks a hello and describes the gateway.
     *
     * @throws RefusedException when the credential or protocol version is not accepted
     */
    HelloReply hello(Hello hello) throws RefusedException;

    /** The gateway's clock. */
    Instant clock();

    SiteReply site();

    /** The site's customers with their meters, in meter order. */
    List<RosterBatch.Entry> roster();

    List<MeterStatus> meterStatus();

    /** The readings whose interval starts in [from, to), in time order and then meter order. */
    List<Reading> readings(Instant from, Instant to);

    /** The ledger entries after {@code afterSeq}, in sequence order. */
    List<LedgerEntry> ledgerAfter(long afterSeq);

    /** A hello the gateway will not accept; {@code code} goes to the console as is. */
    final class RefusedException extends Exception {

        private final String code;

        public RefusedException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
