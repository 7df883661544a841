package io.gridside.console.service.commission;

import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayCommissioning;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session with the gateway being commissioned: opened on first use, and opened again on the next use after the
 * link dropped, so that a step that failed on a pulled cable is simply run again once the cable is back.
 */
public final class CommissionLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommissionLink.class);

    private final Opener opener;
    private GatewayClient client;

    /** @param opener opens a new session with the gateway, with the technician's credential */
    public CommissionLink(Opener opener) {
        this.opener = opener;
    }

    /** The open session, opened now when there was none or the last one closed. */
    public synchronized GatewayClient client() throws IOException {
        if (client == null || !client.isOpen()) {
            if (client != null) {
                LOG.info("The link to the gateway {} closed; opening a new session.", client.hello().gatewayId());
                client.close();
            }
            client = opener.open();
        }
        return client;
    }

    /** The open session's commissioning requests. */
    public GatewayCommissioning commissioning() throws IOException {
        return client().commissioning();
    }

    /** Whether a session is open now, without opening one. */
    public synchronized boolean isOpen() {
        return client != null && client.isOpen();
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** Opens a session with the gateway. */
    @FunctionalInterface
    public interface Opener {
        GatewayClient open() throws IOException;
    }
}
