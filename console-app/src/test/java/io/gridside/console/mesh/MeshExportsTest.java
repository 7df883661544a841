package io.gridside.console.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mesh's data exports: named by site and moment, with each radio's facts beside its metrics. */
class MeshExportsTest {

    private final MeshFacts facts = MeshSceneBuilderTest.facts();

    @TempDir
    Path dir;

    @Test
    void namesTheFileBySiteAndMomentInTheSitesTime() {
        Path file = MeshExports.file(dir, "SITE-1", facts, ZoneId.of("Africa/Nairobi"), MeshExports.Format.GRAPHML);

        assertThat(file).isEqualTo(dir.resolve("mesh-SITE-1-20260603-1200.graphml"));
    }

    @Test
    void writesEachRadiosFactsIntoTheJson() throws IOException {
        Path file = MeshExports.writeData(facts, MeshExports.Format.JSON, dir.resolve("exports").resolve("m.json"));

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        JsonNode m2 = null;
        for (JsonNode node : json.get("nodes")) {
            if (node.get("id").asText().equals("M-2")) {
                m2 = node.get("attributes");
            }
        }
        assertThat(m2).isNotNull();
        assertThat(m2.get("customer").asText()).isEqualTo("C-2");
        assertThat(m2.get("creditState").asText()).isEqualTo("DISCONNECTED");
        assertThat(m2.get("firmware").asText()).isEqualTo("mt-1.7.2");
        assertThat(m2.get("trafficPerHour").asText()).isEqualTo("40");
        assertThat(m2.get("online").asText()).isEqualTo("false");
        assertThat(dir.resolve("exports")).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void writesGraphMlWithTheFactsAsTypedKeys() throws IOException {
        Path file = MeshExports.writeData(facts, MeshExports.Format.GRAPHML, dir.resolve("m.graphml"));

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("<graphml").contains("attribute.firmware").contains("mt-1.8.0");
    }
}
