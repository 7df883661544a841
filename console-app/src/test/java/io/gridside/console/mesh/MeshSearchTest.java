package io.gridside.console.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Finding radios by meter id, customer id or name, or serial number. */
class MeshSearchTest {

    private final MeshFacts facts = MeshSceneBuilderTest.facts();

    private String[] found(String text) {
        return Arrays.stream(MeshSearch.find(facts, text)).mapToObj(facts::meterId).toArray(String[]::new);
    }

    @Test
    void findsByEachThingATechnicianHasInHand() {
        assertThat(found("M-2")).containsExactly("M-2");
        assertThat(found("c-3")).containsExactly("M-3");
        assertThat(found("name of c-1")).containsExactly("M-1");
        assertThat(found("SN-222")).containsExactly("M-2");
    }

    @Test
    void putsAnExactMatchBeforePartialOnes() {
        assertThat(found("m-")).containsExactly("M-1", "M-2", "M-3");
        assertThat(found("M-3")).startsWith("M-3");
        assertThat(found("222")).containsExactly("M-2");
    }

    @Test
    void blankFindsNothing() {
        assertThat(found(" ")).isEmpty();
        assertThat(found(null)).isEmpty();
    }
}
