package io.gridside.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.client.LinkException;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A message a screen wrote after an action is kept as a key and arguments, so a language switch words it again; a
 * link failure or a gateway's refusal reads in the language in use, with its code.
 */
class MessageTest {

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void aReceiptSavedInEnglishReadsInFrenchAfterASwitch() {
        I18n.use(Locale.ENGLISH);
        Message message = new Message();
        message.say("cash.receipt.saved", "/tmp/receipt-7.html");
        String english = message.textProperty().get();

        I18n.use(Locale.FRENCH);

        assertThat(english).contains("/tmp/receipt-7.html");
        assertThat(message.textProperty().get()).contains("/tmp/receipt-7.html").isNotEqualTo(english)
                .isEqualTo(I18n.text("cash.receipt.saved", "/tmp/receipt-7.html"));
    }

    @Test
    void aFailureShownBeforeASwitchIsWordedAgainInTheNewLanguage() {
        I18n.use(Locale.ENGLISH);
        Message message = new Message();
        message.fail(new LinkException(LinkException.Code.TIMEOUT, "No answer within 5.0 s."));

        assertThat(message.textProperty().get()).isEqualTo("No answer within 5.0 s. [TIMEOUT]");

        I18n.use(Locale.forLanguageTag("sw"));

        assertThat(message.textProperty().get()).isEqualTo(I18n.text("error.link.TIMEOUT") + " [TIMEOUT]")
                .doesNotContain("No answer");
    }

    @Test
    void joinedSentencesAreEachWordedAgainAndAClearedMessageStaysEmpty() {
        Message message = new Message();
        message.show(Sentence.joined(Sentence.of("mesh.none"), Sentence.of("link.retrying", 4, 2)));
        I18n.use(Locale.FRENCH);

        assertThat(message.textProperty().get())
                .isEqualTo(I18n.text("mesh.none") + " " + I18n.text("link.retrying", 4, 2));

        message.clear();
        I18n.use(Locale.ENGLISH);

        assertThat(message.textProperty().get()).isEmpty();
    }

    @Test
    void aGatewayRefusalWithAWordedCodeReadsInFrenchWithTheGatewaysCode() {
        LinkException refused = LinkException.fromGateway(LinkException.Code.GATEWAY_ERROR,
                "Cash limit of KES 500.00 reached (CASH_LIMIT_EXCEEDED)", "CASH_LIMIT_EXCEEDED");
        LinkException unknown = LinkException.fromGateway(LinkException.Code.GATEWAY_ERROR, "Odd (ODD_CODE)",
                "ODD_CODE");

        assertThat(Failures.refusal(refused)).isEqualTo("Cash limit of KES 500.00 reached. [CASH_LIMIT_EXCEEDED]");

        I18n.use(Locale.FRENCH);

        assertThat(Failures.refusal(refused)).isEqualTo(I18n.text("error.gateway.CASH_LIMIT_EXCEEDED")
                + " [CASH_LIMIT_EXCEEDED]");
        assertThat(Failures.describe(unknown)).isEqualTo(I18n.text("error.link.GATEWAY_ERROR") + " [ODD_CODE]");
    }

    @Test
    void everyLinkFailureCodeIsWordedInEveryLanguage() {
        for (Locale language : I18n.LANGUAGES) {
            I18n.use(language);
            for (LinkException.Code code : LinkException.Code.values()) {
                assertThat(I18n.has("error.link." + code.name())).as(language + " " + code).isTrue();
            }
        }
    }
}
