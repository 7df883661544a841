package io.gridside.sim.wire;

import io.gridside.link.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** Bytes in and out of a wire's ends for tests: blocking work on its own thread, whole reads, sample data. */
final class WireIo {

    private WireIo() {
    }

    /** Runs {@code work} on a new daemon thread; the future completes with its result or its failure. */
    static <T> CompletableFuture<T> inBackground(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "wire-test-worker");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** Writes {@code bytes} to {@code end} on its own thread. */
    static CompletableFuture<Void> writeInBackground(Transport end, byte[] bytes) {
        return inBackground(() -> {
            end.output().write(bytes);
            end.output().flush();
            return null;
        });
    }

    /** Reads exactly {@code count} bytes, or fewer if the stream ends first. */
    static byte[] readFully(Transport end, int count) throws IOException {
        InputStream in = end.input();
        byte[] bytes = new byte[count];
        int read = 0;
        while (read < count) {
            int n = in.read(bytes, read, count - read);
            if (n < 0) {
                return Arrays.copyOf(bytes, read);
            }
            read += n;
        }
        return bytes;
    }

    /** Reads until the end of the stream. */
    static byte[] readToEnd(Transport end) throws IOException {
        return end.input().readAllBytes();
    }

    static byte[] randomBytes(int count, long seed) {
        byte[] bytes = new byte[count];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
