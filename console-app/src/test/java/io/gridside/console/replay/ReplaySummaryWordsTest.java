package io.gridside.console.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The replay's state line agrees with its counts in each language: one relay held open reads in the singular, none
 * in words, several in the plural.
 */
class ReplaySummaryWordsTest {

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void frenchAgreesWithOneNoneAndSeveral() {
        I18n.use(Locale.FRENCH);

        assertThat(line(60, 1, 1)).isEqualTo(
                "60 sur 60 compteurs alimentés, 1 communique, 1 relais bloqué ; passerelle active");
        assertThat(line(58, 57, 0)).isEqualTo(
                "58 sur 60 compteurs alimentés, 57 communiquent, aucun relais bloqué ; passerelle active");
        assertThat(line(60, 0, 3)).contains("aucun ne communique", "3 relais bloqués");
    }

    @Test
    void portugueseAndSwahiliAgreeWithOneAndSeveral() {
        I18n.use(Locale.forLanguageTag("pt"));
        assertThat(line(60, 60, 1)).contains("1 relé bloqueado;").doesNotContain("bloqueados");
        assertThat(line(60, 60, 2)).contains("2 relés bloqueados;");

        I18n.use(Locale.forLanguageTag("sw"));
        assertThat(line(60, 1, 1)).contains("1 inawasiliana", "1 imezuiwa;");
        assertThat(line(60, 5, 2)).contains("5 zinawasiliana", "2 zimezuiwa;");
    }

    private static String line(int powered, int talking, int held) {
        return I18n.text("replay.summary", powered, 60, talking, held, I18n.text("replay.plant.gatewayUp"));
    }
}
