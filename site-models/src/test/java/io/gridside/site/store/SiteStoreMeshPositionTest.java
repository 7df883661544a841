package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Radio positions the technician chose on the mesh view: kept per layout, replaced, forgotten by layout. */
class SiteStoreMeshPositionTest {

    @TempDir
    Path dir;

    @Test
    void keepsPositionsPerLayoutAcrossOpenings() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.saveMeshPosition("tree", "M-0002", 10.5f, -3f);
            store.saveMeshPosition("tree", "M-0001", 1f, 2f);
            store.saveMeshPosition("map", "M-0002", 400f, 250f);
        }

        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            Map<String, float[]> tree = store.meshPositions("tree");
            assertThat(tree).containsOnlyKeys("M-0001", "M-0002");
            assertThat(tree.get("M-0002")).containsExactly(10.5f, -3f);
            assertThat(store.meshPositions("map").get("M-0002")).containsExactly(400f, 250f);
            assertThat(store.meshPositions("other")).isEmpty();
        }
    }

    @Test
    void aRadioMovedAgainKeepsOnlyItsLastPosition() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.saveMeshPosition("tree", "M-0002", 1f, 1f);
            store.saveMeshPosition("tree", "M-0002", 5f, 6f);

            assertThat(store.meshPositions("tree")).hasSize(1);
            assertThat(store.meshPositions("tree").get("M-0002")).containsExactly(5f, 6f);
        }
    }

    @Test
    void resetForgetsOneLayoutOnly() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.saveMeshPosition("tree", "M-0001", 1f, 1f);
            store.saveMeshPosition("tree", "M-0002", 2f, 2f);
            store.saveMeshPosition("map", "M-0001", 3f, 3f);

            assertThat(store.clearMeshPositions("tree")).isEqualTo(2);

            assertThat(store.meshPositions("tree")).isEmpty();
            assertThat(store.meshPositions("map")).containsOnlyKeys("M-0001");
        }
    }

    @Test
    void aDatabaseOfTheVersionBeforeGainsTheTable() throws SQLException {
        Path file = dir.resolve("old.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrations.migrate(connection, Migrations.STEPS.indexOf("V16__mesh_position.sql"));
            assertThat(Migrations.currentVersion(connection)).isEqualTo(15);
        }

        try (SiteStore store = SiteStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion());
            store.saveMeshPosition("map", "M-0003", 7f, 8f);
            assertThat(store.meshPositions("map")).containsOnlyKeys("M-0003");
        }
    }
}
