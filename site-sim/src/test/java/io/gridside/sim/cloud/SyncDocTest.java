package io.gridside.sim.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.sync.api.SyncErrors;
import io.gridside.site.sync.api.SyncHeaders;
import io.gridside.site.sync.api.SyncStreams;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Holds docs/sync.md to the code: every error code, header, stream and fault the code knows is written down. */
class SyncDocTest {

    private static final Path DOC = Path.of("..", "docs", "sync.md");

    @Test
    void everyErrorCodeHeaderAndStreamIsDocumented() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        assertThat(constants(SyncErrors.class)).allSatisfy(code -> assertThat(doc).contains("`" + code + "`"));
        assertThat(constants(SyncHeaders.class)).filteredOn(name -> name.contains("-"))
                .allSatisfy(header -> assertThat(doc).contains(header));
        assertThat(constants(SyncStreams.class)).allSatisfy(stream -> assertThat(doc).contains("`" + stream + "`"));
    }

    @Test
    void everyFaultOfTheSpecIsDocumented() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        for (String fault : List.of("seed", "drop-before", "drop-after", "error500", "error503", "retry-after", "slow",
                "slow-ms", "duplicate", "replay", "backup-every", "restore-at", "corrupt-ledger")) {
            assertThat(doc).contains("`" + fault + "=");
            CloudFaults.parse(fault + "=" + (fault.equals("corrupt-ledger") ? "2026-06-01@3" : "1"));
        }
    }

    private static List<String> constants(Class<?> type) throws IOException {
        List<String> values = new ArrayList<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IOException(e);
                }
            }
        }
        return values;
    }
}
