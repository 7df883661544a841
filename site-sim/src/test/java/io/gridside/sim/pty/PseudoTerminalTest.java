package io.gridside.sim.pty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PseudoTerminalTest {

    /** A safety net, not a measure: a stream waits in polls of a tenth of a second, however slow the machine. */
    private static final long PROMPT_MS = 10_000;
    /** Time for a started task to get into its wait; the outcome is the same if it has not got there yet. */
    private static final long SETTLE_MS = 300;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private PseudoTerminal terminal;

    @BeforeEach
    void openTerminal() throws IOException {
        terminal = PseudoTerminal.open();
    }

    @AfterEach
    void closeTerminal() {
        terminal.close();
        executor.shutdownNow();
    }

    @Test
    void devicePathNamesAnExistingPtsDevice() {
        assertThat(terminal.devicePath()).startsWith("/dev/pts/");
        assertThat(Files.exists(Path.of(terminal.devicePath()))).isTrue();
    }

    @Test
    void eachTerminalGetsItsOwnDevice() throws IOException {
        try (PseudoTerminal other = PseudoTerminal.open()) {
            assertThat(other.devicePath()).isNotEqualTo(terminal.devicePath());
        }
    }

    @Test
    void readEndsWhenClosedFromAnotherThread() throws Exception {
        Future<Integer> read = started(() -> terminal.input().read());
        assertThat(read).isNotDone();

        terminal.close();

        assertThat(read.get(PROMPT_MS, TimeUnit.MILLISECONDS)).isEqualTo(-1);
    }

    @Test
    void readEndsWhenTheReadingThreadIsInterrupted() throws Exception {
        Future<Integer> read = started(() -> terminal.input().read());

        executor.shutdownNow();

        assertThat(executor.awaitTermination(PROMPT_MS, TimeUnit.MILLISECONDS)).isTrue();
        assertThatThrownBy(read::get).hasCauseInstanceOf(InterruptedIOException.class);
    }

    @Test
    void writeEndsWhenClosedWhileNoClientReads() throws Exception {
        byte[] moreThanTheKernelBuffers = new byte[1 << 20];
        Future<?> write = started(() -> {
            terminal.output().write(moreThanTheKernelBuffers);
            return null;
        });
        assertThat(write).isNotDone();

        terminal.close();

        assertThatThrownBy(() -> write.get(PROMPT_MS, TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void closeIsIdempotentAndEndsBothStreams() throws IOException {
        terminal.close();
        terminal.close();

        assertThat(terminal.input().read(new byte[4])).isEqualTo(-1);
        assertThatThrownBy(() -> terminal.output().write(1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(terminal.devicePath());
    }

    @Test
    void closingAStreamClosesTheTerminal() throws IOException {
        terminal.input().close();

        assertThatThrownBy(() -> terminal.output().write(1)).isInstanceOf(IOException.class);
    }

    /**
     * Runs {@code task} on the executor and returns once it has begun: a task still queued when the executor is shut
     * down would never run, and its future never end.
     */
    private <T> Future<T> started(Callable<T> task) throws InterruptedException {
        CountDownLatch begun = new CountDownLatch(1);
        Future<T> future = executor.submit(() -> {
            begun.countDown();
            return task.call();
        });
        assertThat(begun.await(PROMPT_MS, TimeUnit.MILLISECONDS)).as("the task began").isTrue();
        Thread.sleep(SETTLE_MS);
        return future;
    }
}
