package io.gridside.console.service.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaptopIdTest {

    @TempDir
    Path dir;

    @Test
    void isMadeOnceAndKept() throws IOException {
        String first = LaptopId.in(dir.resolve("data"));
        String second = LaptopId.in(dir.resolve("data"));

        assertThat(second).isEqualTo(first);
        assertThat(UUID.fromString(first)).isNotNull();
        assertThat(LaptopId.in(dir.resolve("other"))).isNotEqualTo(first);
    }

    @Test
    void twoConsolesMakingItAtOnceGetTheSameId() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path data = dir.resolve("race-" + round);
            CompletableFuture<String> one = CompletableFuture.supplyAsync(() -> id(data));
            CompletableFuture<String> two = CompletableFuture.supplyAsync(() -> id(data));

            assertThat(one.get(10, TimeUnit.SECONDS)).isEqualTo(two.get(10, TimeUnit.SECONDS));
            try (Stream<Path> files = Files.list(data)) {
                assertThat(files).containsExactly(data.resolve(LaptopId.FILE));
            }
        }
    }

    private static String id(Path data) {
        try {
            return LaptopId.in(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void refusesAFileThatHoldsNoId() throws IOException {
        Files.writeString(dir.resolve(LaptopId.FILE), "not an id");

        assertThatThrownBy(() -> LaptopId.in(dir)).isInstanceOf(IOException.class).hasMessageContaining("delete it");
    }
}
