package io.gridside.sim.pty;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Linux pseudo-terminal pair whose slave device behaves like a raw serial port for clients.
 *
 * <p>The simulated gateway talks through {@link #input()} and {@link #output()}, which read and write the master
 * side; a client opens {@link #devicePath()} as if it were a serial port. The slave side is put in raw mode, so
 * every byte value passes unchanged in both directions.
 *
 * <p>This object keeps its own descriptor open on the slave device for its whole lifetime. Because of that, the
 * master never sees a hang-up when a client closes the device, and a later client can open the same path again
 * without restarting the simulator. Bytes are not tied to a client session: output written while no client is
 * attached waits in the slave's input queue and is delivered to the next client unless that client discards it on
 * open (as {@code SerialTransport} does), and a client that closes the device may discard bytes it wrote that were
 * not yet read here. Once the kernel's small pty buffer is full, writes to {@link #output()} block until a client
 * reads or {@link #close()} is called.
 *
 * <p>Reads and writes wait in short {@code poll} intervals, so {@link #close()} from another thread ends them
 * promptly: a pending read returns {@code -1} and a pending write throws {@link IOException}. Interrupting a thread
 * that waits in either stream makes it throw {@link InterruptedIOException}. Closing either stream closes the whole
 * pseudo-terminal.
 */
public final class PseudoTerminal implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(PseudoTerminal.class);

    /* Flag values of the generic Linux ABI (x86, x86-64, ARM, AArch64, RISC-V). */
    private static final int O_RDWR = 0x2;
    private static final int O_NOCTTY = 0x100;
    private static final int O_NONBLOCK = 0x800;
    private static final int O_CLOEXEC = 0x80000;
    private static final int F_SETFD = 2;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int FD_CLOEXEC = 1;
    private static final int TCSANOW = 0;
    private static final short POLLIN = 0x1;
    private static final short POLLOUT = 0x4;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;

    private static final int POLL_INTERVAL_MS = 100;
    private static final int TERMIOS_BUFFER_SIZE = 64;
    private static final int IO_BUFFER_SIZE = 8192;
    private static final int PTS_NAME_SIZE = 128;

    private final LibC libc;
    private final int masterFd;
    private final int slaveFd;
    private final String devicePath;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReentrantReadWriteLock descriptorLock = new ReentrantReadWriteLock(true);
    private final InputStream input = new MasterInputStream();
    private final OutputStream output = new MasterOutputStream();

    private PseudoTerminal(LibC libc, int masterFd, int slaveFd, String devicePath) {
        this.libc = libc;
        this.masterFd = masterFd;
        this.slaveFd = slaveFd;
        this.devicePath = devicePath;
    }

    /**
     * Opens a new pseudo-terminal pair with its slave side in raw mode.
     *
     * @return the open pseudo-terminal
     * @throws IOException if this is not Linux or the kernel refuses to create or configure the pair
     */
    public static PseudoTerminal open() throws IOException {
        LibC libc = LibC.load();
        try {
            return open(libc);
        } catch (UnsatisfiedLinkError e) {
            throw new IOException("The C library lacks a function needed for pseudo-terminals: " + e.getMessage(), e);
        }
    }

    private static PseudoTerminal open(LibC libc) throws IOException {
        int master = libc.posix_openpt(O_RDWR | O_NOCTTY);
        if (master < 0) {
            throw failure("Could not open a new pseudo-terminal master", libc);
        }
        try {
            PseudoTerminal terminal = attachSlave(libc, master);
            LOG.info("Opened the pseudo-terminal {}.", terminal.devicePath);
            return terminal;
        } catch (IOException | RuntimeException | Error e) {
            libc.close(master);
            throw e;
        }
    }

    private static PseudoTerminal attachSlave(LibC libc, int master) throws IOException {
        prepareMaster(libc, master);
        String path = slavePath(libc, master);
        int slave = libc.open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (slave < 0) {
            throw failure("Could not open the pseudo-terminal slave " + path, libc);
        }
        try {
            makeRaw(libc, slave, path);
            return new PseudoTerminal(libc, master, slave, path);
        } catch (IOException | RuntimeException | Error e) {
            libc.close(slave);
            throw e;
        }
    }

    private static void prepareMaster(LibC libc, int master) throws IOException {
        if (libc.grantpt(master) != 0 || libc.unlockpt(master) != 0) {
            throw failure("Could not unlock the pseudo-terminal slave", libc);
        }
        int flags = libc.fcntl(master, F_GETFL, 0);
        if (flags < 0 || libc.fcntl(master, F_SETFL, flags | O_NONBLOCK) < 0
                || libc.fcntl(master, F_SETFD, FD_CLOEXEC) < 0) {
            throw failure("Could not configure the pseudo-terminal master", libc);
        }
    }

    private static String slavePath(LibC libc, int master) throws IOException {
        byte[] name = new byte[PTS_NAME_SIZE];
        int error = libc.ptsname_r(master, name, new NativeLong(name.length));
        if (error != 0) {
            throw new IOException("Could not find the pseudo-terminal slave name: " + libc.strerror(error) + ".");
        }
        int length = 0;
        while (length < name.length && name[length] != 0) {
            length++;
        }
        return new String(name, 0, length, StandardCharsets.UTF_8);
    }

    private static void makeRaw(LibC libc, int slave, String path) throws IOException {
        Memory termios = new Memory(TERMIOS_BUFFER_SIZE);
        termios.clear();
        if (libc.tcgetattr(slave, termios) != 0) {
            throw failure("Could not read the terminal settings of " + path, libc);
        }
        libc.cfmakeraw(termios);
        if (libc.tcsetattr(slave, TCSANOW, termios) != 0) {
            throw failure("Could not put " + path + " in raw mode", libc);
        }
    }

    private static IOException failure(String what, LibC libc) {
        int errno = Native.getLastError();
        return new IOException(what + ": " + libc.strerror(errno) + " (errno " + errno + ").");
    }

    /**
     * Returns the path of the slave device that clients open, such as {@code /dev/pts/5}.
     *
     * @return the slave device path
     */
    public String devicePath() {
        return devicePath;
    }

    /**
     * Returns the stream of bytes that clients wrote to the slave device.
     *
     * @return the master-side input stream
     */
    public InputStream input() {
        return input;
    }

    /**
     * Returns the stream whose bytes clients read from the slave device.
     *
     * @return the master-side output stream
     */
    public OutputStream output() {
        return output;
    }

    /** Closes both sides of the pair and ends any read or write waiting on them; calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Lock exclusive = descriptorLock.writeLock();
        exclusive.lock();
        try {
            libc.close(masterFd);
            libc.close(slaveFd);
        } finally {
            exclusive.unlock();
        }
        LOG.info("Closed the pseudo-terminal {}.", devicePath);
    }

    private int awaitMaster(short event, Memory pollFd) throws IOException {
        pollFd.setInt(0, masterFd);
        pollFd.setShort(4, event);
        pollFd.setShort(6, (short) 0);
        int ready = libc.poll(pollFd, new NativeLong(1), POLL_INTERVAL_MS);
        if (ready < 0) {
            return retryOrFail("Could not wait on the pseudo-terminal " + devicePath);
        }
        if (ready == 0) {
            return 0;
        }
        short revents = pollFd.getShort(6);
        if ((revents & event) == 0) {
            throw new IOException("The pseudo-terminal " + devicePath + " reported an error or hang-up (poll events "
                    + revents + ").");
        }
        return 1;
    }

    private int retryOrFail(String what) throws IOException {
        int errno = Native.getLastError();
        if (errno == EINTR || errno == EAGAIN) {
            return 0;
        }
        throw new IOException(what + ": " + libc.strerror(errno) + " (errno " + errno + ").");
    }

    private void checkInterrupted() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("Waiting on the pseudo-terminal " + devicePath + " was interrupted.");
        }
    }

    private int readOnce(Memory buffer, Memory pollFd, byte[] b, int off, int len) throws IOException {
        Lock shared = descriptorLock.readLock();
        shared.lock();
        try {
            if (closed.get()) {
                return -1;
            }
            if (awaitMaster(POLLIN, pollFd) == 0) {
                return 0;
            }
            int count = Math.min(len, (int) buffer.size());
            int read = libc.read(masterFd, buffer, new NativeLong(count)).intValue();
            if (read < 0) {
                return retryOrFail("Could not read from the pseudo-terminal " + devicePath);
            }
            buffer.read(0, b, off, read);
            return read;
        } finally {
            shared.unlock();
        }
    }

    private int writeOnce(Memory buffer, Memory pollFd, byte[] b, int off, int len) throws IOException {
        Lock shared = descriptorLock.readLock();
        shared.lock();
        try {
            if (closed.get()) {
                throw new IOException("The pseudo-terminal " + devicePath + " is closed.");
            }
            if (awaitMaster(POLLOUT, pollFd) == 0) {
                return 0;
            }
            int count = Math.min(len, (int) buffer.size());
            buffer.write(0, b, off, count);
            int written = libc.write(masterFd, buffer, new NativeLong(count)).intValue();
            if (written < 0) {
                return retryOrFail("Could not write to the pseudo-terminal " + devicePath);
            }
            return written;
        } finally {
            shared.unlock();
        }
    }

    /** Reads what clients wrote to the slave device, waiting until at least one byte is there. */
    private final class MasterInputStream extends InputStream {

        private final Memory buffer = new Memory(IO_BUFFER_SIZE);
        private final Memory pollFd = new Memory(8);

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            int read;
            do {
                checkInterrupted();
                read = readOnce(buffer, pollFd, b, off, len);
            } while (read == 0);
            return read;
        }

        @Override
        public void close() {
            PseudoTerminal.this.close();
        }
    }

    /** Writes bytes for clients to read from the slave device, waiting while the kernel buffer is full. */
    private final class MasterOutputStream extends OutputStream {

        private final Memory buffer = new Memory(IO_BUFFER_SIZE);
        private final Memory pollFd = new Memory(8);

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            int done = 0;
            while (done < len) {
                checkInterrupted();
                done += writeOnce(buffer, pollFd, b, off + done, len - done);
            }
        }

        @Override
        public void close() {
            PseudoTerminal.this.close();
        }
    }

    /** The few C library calls needed to create and drive a pseudo-terminal. */
    private interface LibC extends Library {

        int posix_openpt(int flags);

        int grantpt(int fd);

        int unlockpt(int fd);

        int ptsname_r(int fd, byte[] buf, NativeLong buflen);

        int open(String path, int flags);

        int close(int fd);

        int fcntl(int fd, int cmd, int arg);

        int tcgetattr(int fd, Pointer termios);

        void cfmakeraw(Pointer termios);

        int tcsetattr(int fd, int optionalActions, Pointer termios);

        int poll(Pointer fds, NativeLong nfds, int timeout);

        NativeLong read(int fd, Pointer buf, NativeLong count);

        NativeLong write(int fd, Pointer buf, NativeLong count);

        String strerror(int errnum);

        static LibC load() throws IOException {
            if (!Platform.isLinux()) {
                throw new IOException("Pseudo-terminals are only supported on Linux, but this is "
                        + System.getProperty("os.name") + ".");
            }
            return Holder.INSTANCE.get();
        }
    }

    /** Loads the C library once, remembering why if it could not be loaded. */
    private static final class Holder {

        private static final Holder INSTANCE = new Holder();

        private final LibC libc;
        private final Throwable loadFailure;

        private Holder() {
            LibC loaded = null;
            Throwable failure = null;
            try {
                loaded = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
            } catch (LinkageError e) {
                failure = e;
            }
            libc = loaded;
            loadFailure = failure;
        }

        private LibC get() throws IOException {
            if (libc == null) {
                throw new IOException("The C library could not be loaded for pseudo-terminal support.", loadFailure);
            }
            return libc;
        }
    }
}
