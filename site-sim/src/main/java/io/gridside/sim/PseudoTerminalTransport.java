package io.gridside.sim;

import io.gridside.link.transport.Transport;
import io.gridside.link.transport.TransportKind;
import io.gridside.sim.pty.PseudoTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The gateway's end of a pseudo-terminal, seen as a link transport. */
final class PseudoTerminalTransport implements Transport {

    private final PseudoTerminal terminal;

    PseudoTerminalTransport(PseudoTerminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public InputStream input() {
        return terminal.input();
    }

    @Override
    public OutputStream output() {
        return terminal.output();
    }

    @Override
    public TransportKind kind() {
        return TransportKind.SERIAL;
    }

    @Override
    public String address() {
        return terminal.devicePath();
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }
}
