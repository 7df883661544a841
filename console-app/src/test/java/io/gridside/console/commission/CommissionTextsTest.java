package io.gridside.console.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gridside.console.I18n;
import io.gridside.console.service.commission.CommissionSentence;
import io.gridside.site.commission.AssignmentRules;
import io.gridside.site.commission.CommissionRefusal;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.LinkChecks;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.MeterSerial;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The commissioning day's sentences from the service and site-models (what a step waits for, a link check's
 * reasons, a refusal of the rules) are worded in the console's language on the screen and in English for the
 * command line, from the same keys.
 */
class CommissionTextsTest {

    private static final Instant JOINED = Instant.parse("2026-07-01T06:00:00Z");
    private static final String SERIAL = MeterSerial.of("GS", 4_200_001);

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void aStepsWaitIsEnglishForTheCommandLineAndInTheConsolesLanguageOnTheScreen() {
        CommissionSentence waiting = CommissionSentence.of("wait.assign", 3);

        I18n.use(Locale.FRENCH);

        assertThat(waiting.english()).startsWith("3 customers have no meter yet");
        assertThat(waiting.text()).startsWith("3 clients sont encore sans compteur");
        assertThat(CommissionSentence.of("wait.assign", 1).english()).startsWith("1 customer has no meter yet");
    }

    @Test
    void aLinkChecksReasonsReadInEnglishAsTheCheckWritesThemAndInSwahiliOnTheScreen() {
        JoinedMeter weak = new JoinedMeter(SERIAL, "mtr-r2", 1, "1.4.0", -0.45, 36.9, -101.5, -93, 2.5, 1, 2,
                JOINED);

        String english = CommissionOverviews.reasons(weak, LinkThresholds.DEFAULTS);
        I18n.use(Locale.forLanguageTag("sw"));
        String swahili = CommissionOverviews.reasons(weak, LinkThresholds.DEFAULTS);

        assertThat(english).isEqualTo(String.join("; ", LinkChecks.check(weak, LinkThresholds.DEFAULTS).reasons()));
        assertThat(swahili.split("; ")).hasSize(4);
        assertThat(swahili).contains("kikomo cha kushindwa").contains("-101.5").doesNotContain("below");
    }

    @Test
    void aRefusalOfTheRulesIsWordedInTheConsolesLanguageWithItsCode() {
        CommissionRefusal refusal = catchThrowableOfType(() -> AssignmentRules.assign("C-9", SERIAL, List.of(),
                List.of(), List.of(), JOINED), CommissionRefusal.class);

        I18n.use(Locale.forLanguageTag("pt"));

        assertThat(refusal.getMessage()).startsWith("There is no customer C-9");
        assertThat(ServiceCommissionSource.words(refusal))
                .isEqualTo("Não há nenhum cliente C-9 no plano do site; carregue primeiro os clientes, ou adicione-o "
                        + "no local. [CUSTOMER_UNKNOWN]");
    }
}
