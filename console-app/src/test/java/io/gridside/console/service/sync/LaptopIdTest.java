package io.gridside.console.service.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
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
    void refusesAFileThatHoldsNoId() throws IOException {
        Files.writeString(dir.resolve(LaptopId.FILE), "not an id");

        assertThatThrownBy(() -> LaptopId.in(dir)).isInstanceOf(IOException.class).hasMessageContaining("delete it");
    }
}
