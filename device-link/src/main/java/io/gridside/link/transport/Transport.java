package io.gridside.link.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A byte pipe to a gateway: a TCP socket or a serial port. Frames are the same on every transport.
 *
 * <p>{@link #close()} must unblock a thread that is reading {@link #input()}, which then sees end of stream
 * or an {@link IOException}.
 */
public interface Transport extends Closeable {

    InputStream input() throws IOException;

    OutputStream output() throws IOException;

    /** What kind of pipe this is, for the status bar and the logs. */
    TransportKind kind();

    /** Where it leads, as a person would name it: {@code 127.0.0.1:7700} or {@code /dev/ttyACM0}. */
    String address();
}
