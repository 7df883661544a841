package io.gridside.link.session;

import io.gridside.link.transport.Transport;
import io.gridside.link.transport.TransportKind;
import java.io.InputStream;
import java.io.OutputStream;

/** One end of an in-memory pair of lines; closing either end closes both lines, as a dropped cable does. */
final class MemoryTransport implements Transport {

    private final MemoryLine in;
    private final MemoryLine out;
    private final String address;

    MemoryTransport(MemoryLine in, MemoryLine out, String address) {
        this.in = in;
        this.out = out;
        this.address = address;
    }

    @Override
    public InputStream input() {
        return in.input();
    }

    @Override
    public OutputStream output() {
        return out.output();
    }

    @Override
    public TransportKind kind() {
        return TransportKind.SERIAL;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void close() {
        in.close();
        out.close();
    }
}
