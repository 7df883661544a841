package io.gridside.console.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.site.outage.OutageCause;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The replay screen names an outage's cause in the language in use, every cause in every language. */
class OutageCauseTextsTest {

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void everyCauseHasItsOwnNameInEveryLanguage() {
        for (Locale language : I18n.LANGUAGES) {
            I18n.use(language);
            for (OutageCause cause : OutageCause.values()) {
                assertThat(I18n.has("replay.cause." + cause.code())).as(language + " " + cause).isTrue();
            }
            assertThat(Arrays.stream(OutageCause.values()).map(ReplayTexts::cause).distinct())
                    .hasSize(OutageCause.values().length);
        }
    }

    @Test
    void aCauseReadsInFrenchAfterASwitchAndInEnglishAsTheModelNamesIt() {
        assertThat(ReplayTexts.cause(OutageCause.MESH_PARTITION)).isEqualTo(OutageCause.MESH_PARTITION.label());

        I18n.use(Locale.FRENCH);

        assertThat(ReplayTexts.cause(OutageCause.POWER)).isEqualTo("coupure de courant");
    }
}
