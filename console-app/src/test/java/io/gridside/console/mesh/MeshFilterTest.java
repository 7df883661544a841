package io.gridside.console.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.console.I18n;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The filter's small language: conditions on the radios' facts that must all hold. */
class MeshFilterTest {

    private final MeshFacts facts = MeshSceneBuilderTest.facts();

    private String[] passing(String text) {
        MeshFilter filter = MeshFilter.parse(text);
        return IntStream.range(0, facts.size()).filter(node -> filter.matches(facts, node))
                .mapToObj(facts::meterId).toArray(String[]::new);
    }

    @Test
    void blankPassesEverything() {
        assertThat(MeshFilter.parse("  ").passesAll()).isTrue();
        assertThat(passing("")).containsExactly("GW", "M-1", "M-2", "M-3");
    }

    @Test
    void comparesNumbersAndAlwaysLetsTheGatewayThrough() {
        assertThat(passing("hops>=2")).containsExactly("GW", "M-2");
        assertThat(passing("hops = 1")).containsExactly("GW", "M-1", "M-3");
        assertThat(passing("traffic>100")).containsExactly("GW", "M-1");
        assertThat(passing("traffic<=40, hops!=2")).containsExactly("GW", "M-3");
    }

    @Test
    void comparesTextWithoutCaseAndCreditStatesByName() {
        assertThat(passing("firmware=MT-1.8.0")).containsExactly("GW", "M-1", "M-3");
        assertThat(passing("credit=disconnected")).containsExactly("GW", "M-2");
        assertThat(passing("credit=disc")).containsExactly("GW", "M-2");
        assertThat(passing("online=no")).containsExactly("GW", "M-2");
        assertThat(passing("customer=c-3")).containsExactly("GW", "M-3");
    }

    @Test
    void takesTheYesAndNoOfTheLanguageInUseBesidesEnglishAndNamesThemWhenRefused() {
        I18n.use(Locale.FRENCH);
        try {
            assertThat(passing("online=non")).containsExactly("GW", "M-2");
            assertThat(passing("online=OUI")).containsExactly("GW", "M-1", "M-3");
            assertThat(passing("online=no")).containsExactly("GW", "M-2");
            assertThatThrownBy(() -> MeshFilter.parse("online=peut-être"))
                    .hasMessage("online vaut oui ou non, pas « peut-être ».");
            assertThat(I18n.text("mesh.filter.tip")).contains("online=non").doesNotContain("online=no,");
        } finally {
            I18n.use(Locale.ENGLISH);
        }
        assertThatThrownBy(() -> MeshFilter.parse("online=non")).hasMessage("online is yes or no, not \"non\".");
    }

    @Test
    void saysWhatIsWrongWithABadFilter() {
        assertThatThrownBy(() -> MeshFilter.parse("hops>>2")).hasMessageContaining("\">2\"");
        assertThatThrownBy(() -> MeshFilter.parse("hops")).hasMessageContaining("\"hops\" is not a condition");
        assertThatThrownBy(() -> MeshFilter.parse("colour=red")).hasMessageContaining("colour");
        assertThatThrownBy(() -> MeshFilter.parse("hops>=three")).hasMessageContaining("three");
        assertThatThrownBy(() -> MeshFilter.parse("firmware>mt")).hasMessageContaining("firmware");
        assertThatThrownBy(() -> MeshFilter.parse("credit=rich")).hasMessageContaining("rich");
        assertThatThrownBy(() -> MeshFilter.parse("online=maybe")).hasMessageContaining("maybe");
    }
}
