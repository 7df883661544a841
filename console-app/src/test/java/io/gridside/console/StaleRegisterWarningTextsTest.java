package io.gridside.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The warning of a stale register read (decision 0096) reads in each of the console's languages, code kept. */
class StaleRegisterWarningTextsTest {

    @AfterEach
    void english() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void namesTheMeterTheReadAndTheReplicasLastReadingInEveryLanguage() {
        for (Locale language : I18n.LANGUAGES) {
            I18n.use(language);

            String text = I18n.text("replace.staleRegister", "M-0021", "C00022", "2026-06-03 05:30",
                    "2026-06-03 06:00", "1.300", "2.000");

            assertThat(text).as(language.toString()).contains("M-0021", "C00022", "2026-06-03 05:30",
                    "2026-06-03 06:00", "1.300", "2.000", "[STALE_REGISTER]").doesNotContain("{", "!replace");
        }
    }

    @Test
    void keepsTheApostrophes() {
        assertThat(I18n.text("replace.staleRegister", "M", "C", "t1", "t2", "1", "2"))
                .contains("Check the meter's display");
        I18n.use(Locale.FRENCH);

        assertThat(I18n.text("replace.staleRegister", "M", "C", "t1", "t2", "1", "2"))
                .startsWith("l'index du compteur M").contains("aucun quart d'heure n'est");
    }
}
