package io.gridside.link.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A gateway reached over TCP, on its LAN or on loopback for the simulated site. */
public final class TcpTransport implements Transport {

    private final Socket socket;
    private final String address;

    private TcpTransport(Socket socket, String address) {
        this.socket = socket;
        this.address = address;
    }

    /** Connects to {@code host:port}, waiting at most {@code timeoutMillis}. */
    public static TcpTransport connect(String host, int port, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            return new TcpTransport(socket, host + ":" + port);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Wraps a socket that a server accepted. */
    public static TcpTransport accepted(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return new TcpTransport(socket, socket.getRemoteSocketAddress().toString());
    }

    @Override
    public InputStream input() throws IOException {
        return socket.getInputStream();
    }

    @Override
    public OutputStream output() throws IOException {
        return socket.getOutputStream();
    }

    @Override
    public TransportKind kind() {
        return TransportKind.TCP;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
