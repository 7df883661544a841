package io.gridside.sim.pty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final long PROMPT_MS = 2000;

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
        Future<Integer> read = executor.submit(() -> terminal.input().read());
        Thread.sleep(300);
        assertThat(read).isNotDone();

        terminal.close();

        assertThat(read.get(PROMPT_MS, TimeUnit.MILLISECONDS)).isEqualTo(-1);
    }

    @Test
    void readEndsWhenTheReadingThreadIsInterrupted() throws Exception {
        Future<Integer> read = executor.submit(() -> terminal.input().read());
        Thread.sleep(300);

        executor.shutdownNow();

        assertThat(executor.awaitTermination(PROMPT_MS, TimeUnit.MILLISECONDS)).isTrue();
        assertThatThrownBy(read::get).hasCauseInstanceOf(InterruptedIOException.class);
    }

    @Test
    void writeEndsWhenClosedWhileNoClientReads() throws Exception {
        byte[] moreThanTheKernelBuffers = new byte[1 << 20];
        Future<?> write = executor.submit(() -> {
            terminal.output().write(moreThanTheKernelBuffers);
            return null;
        });
        Thread.sleep(300);
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
}
