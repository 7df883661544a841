package io.gridside.link.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} over a local serial port, such as a USB gateway or a simulator's pseudo-terminal.
 *
 * <p>The port runs at 8N1 without flow control. Reads block until data arrives: the short read timeout used
 * underneath is never reported to the caller. A read ends with {@code -1} once {@link #close()} is called, and with
 * an {@link IOException} when the device disappears (a USB adapter is unplugged or a pseudo-terminal is closed), and
 * interrupting the reading thread makes it throw {@link InterruptedIOException}.
 * Each write returns once the driver has sent its bytes. Closing either stream closes the transport.
 */
public final class SerialTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(SerialTransport.class);

    private static final int READ_TIMEOUT_MS = 100;
    private static final long CLOSE_WAIT_MS = 1000;
    private static final int ERRNO_ENOENT = 2;
    private static final int ERRNO_EIO = 5;
    private static final int ERRNO_ENXIO = 6;
    private static final int ERRNO_EAGAIN = 11;
    private static final int ERRNO_EACCES = 13;
    private static final int ERRNO_EBUSY = 16;
    private static final int ERRNO_ENOTTY = 25;

    private final SerialPort port;
    private final String device;
    private final ReentrantReadWriteLock portLock = new ReentrantReadWriteLock(true);
    private final InputStream input = new PortInputStream();
    private final OutputStream output = new PortOutputStream();
    private final AtomicBoolean closed = new AtomicBoolean();

    private SerialTransport(SerialPort port, String device) {
        this.port = port;
        this.device = device;
    }

    /**
     * Opens a serial port at the given speed with 8 data bits, no parity, one stop bit and no flow control.
     *
     * <p>Bytes left in the port's buffers from an earlier session are discarded.
     *
     * @param device the device path, such as {@code /dev/ttyACM0} or {@code /dev/pts/5}
     * @param baud the speed in bits per second
     * @return the open transport
     * @throws IOException if the device does not exist, cannot be opened or cannot be configured
     */
    public static SerialTransport open(String device, int baud) throws IOException {
        Objects.requireNonNull(device, "device");
        if (baud <= 0) {
            throw new IllegalArgumentException("The baud rate must be positive, but was " + baud + ".");
        }
        SerialPort port = lookUp(device);
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_TIMEOUT_MS, 0);
        if (!port.openPort()) {
            throw cannotOpen(device, reasonFor(port.getSystemPortPath(), port.getLastErrorCode()));
        }
        port.flushIOBuffers();
        LOG.info("Opened the serial port {} at {} baud.", device, baud);
        return new SerialTransport(port, device);
    }

    /**
     * Lists the serial ports the operating system reports on this machine, with the USB ids of those that are USB
     * devices. Pseudo-terminals are not among them.
     *
     * @return the ports, in the order the operating system reports them
     */
    public static List<SerialPortInfo> list() {
        return Arrays.stream(SerialPort.getCommPorts()).map(SerialTransport::describe).toList();
    }

    private static SerialPortInfo describe(SerialPort port) {
        String serialNumber = port.getSerialNumber();
        boolean usb = port.getVendorID() >= 0 && port.getProductID() >= 0;
        return new SerialPortInfo(port.getSystemPortName(), port.getSystemPortPath(), port.getPortDescription(),
                usb ? port.getVendorID() : SerialPortInfo.NOT_USB, usb ? port.getProductID() : SerialPortInfo.NOT_USB,
                usb && serialNumber != null && !serialNumber.isBlank() && !serialNumber.equals("Unknown")
                        ? serialNumber : null);
    }

    private static SerialPort lookUp(String device) throws IOException {
        try {
            return SerialPort.getCommPort(device);
        } catch (SerialPortInvalidPortException e) {
            throw cannotOpen(device, "no such device file", e);
        } catch (LinkageError e) {
            throw new IOException("The serial port " + device + " cannot be opened because the serial-port library "
                    + "could not be loaded on this machine: " + e.getMessage(), e);
        }
    }

    private static String reasonFor(String device, int errno) {
        if (!Files.exists(Path.of(device))) {
            return "no such device file";
        }
        return switch (errno) {
            case ERRNO_ENOENT -> "it is already open in this program or has just gone away";
            case ERRNO_EIO, ERRNO_ENXIO -> "the device is not responding";
            case ERRNO_EAGAIN -> "it is locked by another program";
            case ERRNO_EACCES -> "permission denied";
            case ERRNO_EBUSY -> "the device is busy";
            case ERRNO_ENOTTY -> "it is not a serial device";
            default -> "error code " + errno;
        };
    }

    private static IOException cannotOpen(String device, String reason) {
        return cannotOpen(device, reason, null);
    }

    private static IOException cannotOpen(String device, String reason, Throwable cause) {
        String message = "The serial port " + device + " does not exist or cannot be opened: " + reason + ".";
        return new IOException(message, cause);
    }

    @Override
    public InputStream input() throws IOException {
        requireOpen();
        return input;
    }

    @Override
    public OutputStream output() throws IOException {
        requireOpen();
        return output;
    }

    @Override
    public TransportKind kind() {
        return TransportKind.SERIAL;
    }

    @Override
    public String address() {
        return device;
    }

    /** Closes the port and ends any read waiting on it; calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Lock exclusive = portLock.writeLock();
        boolean locked = awaitIdle(exclusive);
        try {
            port.closePort();
        } finally {
            if (locked) {
                exclusive.unlock();
            }
        }
        LOG.info("Closed the serial port {}.", device);
    }

    private boolean awaitIdle(Lock exclusive) {
        try {
            if (exclusive.tryLock(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS)) {
                return true;
            }
            LOG.warn("A write to the serial port {} is still blocked, so the port is closed under it.", device);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void requireOpen() throws IOException {
        if (closed.get()) {
            throw new IOException("The serial port " + device + " is closed.");
        }
    }

    private IOException disconnected() {
        return new IOException("The serial port " + device + " was disconnected or stopped responding.");
    }

    private void checkInterrupted() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("Reading from the serial port " + device + " was interrupted.");
        }
    }

    private int readOnce(byte[] b, int off, int len) throws IOException {
        Lock shared = portLock.readLock();
        shared.lock();
        try {
            if (closed.get()) {
                return -1;
            }
            int read = port.readBytes(b, len, off);
            if (read < 0) {
                throw disconnected();
            }
            return read;
        } finally {
            shared.unlock();
        }
    }

    private int writeOnce(byte[] b, int off, int len) throws IOException {
        Lock shared = portLock.readLock();
        shared.lock();
        try {
            requireOpen();
            int written = port.writeBytes(b, len, off);
            if (written <= 0) {
                throw disconnected();
            }
            return written;
        } finally {
            shared.unlock();
        }
    }

    /** Reads from the port, waiting through read timeouts until data arrives or the port goes away. */
    private final class PortInputStream extends InputStream {

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            int read;
            do {
                checkInterrupted();
                read = readOnce(b, off, len);
            } while (read == 0);
            return read;
        }

        @Override
        public int available() throws IOException {
            requireOpen();
            return Math.max(0, port.bytesAvailable());
        }

        @Override
        public void close() {
            SerialTransport.this.close();
        }
    }

    /** Writes to the port, returning once every byte has been handed to the driver and sent. */
    private final class PortOutputStream extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            int done = 0;
            while (done < len) {
                done += writeOnce(b, off + done, len - done);
            }
        }

        @Override
        public void close() {
            SerialTransport.this.close();
        }
    }
}
