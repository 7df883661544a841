package io.gridside.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The warning of a meter whose gap could not be billed, as the replica held neither a reading of it nor the register
 * its billing began from (decision 0103), reads in each of the console's languages, code kept.
 */
class GapNotBilledWarningTextsTest {

    @AfterEach
    void english() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void namesTheMeterAndItsCustomerInEveryLanguage() {
        for (Locale language : I18n.LANGUAGES) {
            I18n.use(language);

            String text = I18n.text("replace.noGapStart", "M-0021", "C00022");

            assertThat(text).as(language.toString()).contains("M-0021", "C00022", "[GAP_NOT_BILLED]")
                    .doesNotContain("{", "!replace");
        }
    }

    @Test
    void keepsTheFrenchApostrophes() {
        I18n.use(Locale.FRENCH);

        assertThat(I18n.text("replace.noGapStart", "M", "C")).contains("l'index", "quart d'heure", "n'est donc pas");
    }
}
