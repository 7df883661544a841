package io.gridside.console.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A replay's speed reads with the language's digit grouping, never with a mark that reads as a decimal one. */
class SpeedTest {

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void thousandsAreGroupedAsTheLanguageGroupsThem() {
        assertThat(Speed.X1_000.label()).isEqualTo("1,000x");
        assertThat(Speed.X1.label()).isEqualTo("1x");

        I18n.use(Locale.FRENCH);
        assertThat(Speed.X1_000.label()).doesNotContain(",").matches("1[\\s\\u00a0\\u202f]000x");
        I18n.use(Locale.forLanguageTag("pt"));
        assertThat(Speed.X100_000.label()).isEqualTo("100.000x");
    }
}
