package io.gridside.link.session;

import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameCodec;
import io.gridside.link.frame.FrameException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Semaphore;

/**
 * One direction of an in-memory line. What is written is cut into frames at each delimiter; every frame is
 * recorded as it was written, then meets the line's faults, and what survives is queued for the reading end.
 * A gate, when set, lets the writer put only as many frames on the line as the test allows: a slow pipe.
 */
final class MemoryLine {

    private final Random random;
    private final LineFaults faults;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final List<Frame> written = new ArrayList<>();
    private final List<Held> held = new ArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private volatile Semaphore gate;
    private boolean closed;
    private byte[] reading = new byte[0];
    private int readingAt;

    /** A frame held back until {@code after} more frames have passed it. */
    private static final class Held {
        final byte[] bytes;
        int after;

        Held(byte[] bytes, int after) {
            this.bytes = bytes;
            this.after = after;
        }
    }

    MemoryLine(LineFaults faults) {
        this.faults = faults;
        this.random = faults.random();
    }

    /** From now on, the writer waits for a permit from {@code permits} before each frame goes on the line. */
    void gate(Semaphore permits) {
        this.gate = permits;
    }

    /** Every intact frame written so far, in the order written, whatever the line then did to it. */
    synchronized List<Frame> written() {
        return List.copyOf(written);
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean isEmpty() {
        return queue.isEmpty() && readingAt == reading.length && held.isEmpty();
    }

    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    partial.write(b[i]);
                    if (b[i] == FrameCodec.DELIMITER) {
                        byte[] frame = partial.toByteArray();
                        partial.reset();
                        carry(frame);
                    }
                }
            }
        };
    }

    private void carry(byte[] frame) throws IOException {
        Semaphore permits = gate;
        if (permits != null && frame.length > 1) {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted at the line's gate.");
            }
        }
        synchronized (this) {
            if (closed) {
                throw new IOException("The line is closed.");
            }
            record(frame);
            pass(frame);
            notifyAll();
        }
    }

    private void record(byte[] frame) {
        if (frame.length > 1) {
            try {
                written.add(FrameCodec.decode(frame, 0, frame.length - 1));
            } catch (FrameException e) {
                // Noise a test wrote on purpose: it goes on the line but is no frame.
            }
        }
    }

    private void pass(byte[] frame) {
        double roll = random.nextDouble();
        if (roll < faults.drop()) {
            release();
            return;
        }
        byte[] bytes = frame.clone();
        if (roll < faults.drop() + faults.corrupt()) {
            int at = random.nextInt(bytes.length);
            bytes[at] = (byte) (bytes[at] + 1 + random.nextInt(255));
        } else if (roll < faults.drop() + faults.corrupt() + faults.delay()) {
            held.add(new Held(bytes, 1 + random.nextInt(3)));
            return;
        }
        queue.add(bytes);
        release();
    }

    /** Lets go of the held frames whose turn has come, after the frame just queued. */
    private void release() {
        for (var it = held.iterator(); it.hasNext();) {
            Held frame = it.next();
            if (--frame.after <= 0) {
                queue.add(frame.bytes);
                it.remove();
            }
        }
    }

    InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return take(b, off, len);
            }
        };
    }

    private synchronized int take(byte[] b, int off, int len) throws IOException {
        while (readingAt == reading.length) {
            byte[] next = queue.poll();
            if (next != null) {
                reading = next;
                readingAt = 0;
            } else if (closed) {
                return -1;
            } else {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while reading the line.");
                }
            }
        }
        int n = Math.min(len, reading.length - readingAt);
        System.arraycopy(reading, readingAt, b, off, n);
        readingAt += n;
        return n;
    }
}
