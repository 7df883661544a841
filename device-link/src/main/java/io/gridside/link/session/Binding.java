package io.gridside.link.session;

import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameReader;
import io.gridside.link.transport.Transport;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One transport a link runs over, with its reader; a resumed link gets a new one. */
final class Binding {

    private static final Logger LOG = LoggerFactory.getLogger(Binding.class);

    final Transport transport;
    final OutputStream out;
    final FrameReader reader;
    /** A frame the gateway read before it knew which link the transport belonged to; handled first. */
    final Frame first;

    Binding(Transport transport, FrameReader reader, Frame first) throws IOException {
        this.transport = transport;
        this.out = transport.output();
        this.reader = reader;
        this.first = first;
    }

    /** Closes a transport the link lets go of; a failure to close it leaves it abandoned. */
    static void closeTransport(Transport transport) {
        try {
            transport.close();
        } catch (IOException e) {
            LOG.debug("Closing the transport to {} failed; it is abandoned.", transport.address(), e);
        }
    }

    /** What the readers of former bindings counted, so a link's counters run on across resumes. */
    static final class Totals {
        long received;
        long dropped;
        long bytes;

        void add(FrameReader reader) {
            received += reader.received();
            dropped += reader.dropped();
            bytes += reader.bytesRead();
        }
    }
}
