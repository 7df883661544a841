package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gridside.console.Failures;
import io.gridside.console.I18n;
import io.gridside.link.auth.Ed25519;
import io.gridside.link.message.HelloReply;
import io.gridside.site.cbor.ByteString;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway offered as a dead one's replacement is refused before anything is sent to it when it runs a site already
 * or cannot be restored: in English in the refusal's message, as the command line prints it, and in the
 * technician's language on screen. At the later steps of the console's replacement, a gateway other than the one
 * shown, by id or by key, is refused the same way.
 */
class RestorableGatewayTest {

    private static final ByteString KEY = ByteString.fromHex("a1".repeat(32));
    private static final ByteString OTHER_KEY = ByteString.fromHex("b2".repeat(32));

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void takesAGatewayWhoseFirmwareRestoresASite() {
        assertThatCode(() -> RestorableGateway.require(hello("GW-NEW001", "site-1", List.of("restore"))))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAGatewayThatRunsASiteInEveryLanguage() {
        ReplacementRefusedException refused = catchThrowableOfType(() -> RestorableGateway.require(
                hello("GW-OLD001", "site-1", List.of("site", "ledger"))), ReplacementRefusedException.class);

        assertThat(refused.code()).isEqualTo(RestorableGateway.NOT_FRESH);
        assertThat(refused.getMessage()).startsWith("Gateway GW-OLD001 already runs site site-1")
                .contains("factory-fresh");
        assertThat(Failures.describe(refused)).isEqualTo(refused.getMessage());
        assertWordedIn(refused, Locale.FRENCH, "La passerelle GW-OLD001 gère déjà le site site-1");
        assertWordedIn(refused, Locale.forLanguageTag("pt"), "O gateway GW-OLD001 já serve o local site-1");
        assertWordedIn(refused, Locale.forLanguageTag("sw"), "Lango GW-OLD001 tayari linahudumia eneo site-1");
    }

    @Test
    void refusesAGatewayWithoutRestoreInEveryLanguage() {
        ReplacementRefusedException refused = catchThrowableOfType(() -> RestorableGateway.require(
                hello("GW-OLD002", "", List.of("site"))), ReplacementRefusedException.class);

        assertThat(refused.code()).isEqualTo(RestorableGateway.NO_RESTORE);
        assertThat(refused.getMessage()).startsWith("Gateway GW-OLD002 cannot be restored from a replica");
        assertWordedIn(refused, Locale.FRENCH, "La passerelle GW-OLD002 ne peut pas être restaurée");
        assertWordedIn(refused, Locale.forLanguageTag("pt"), "O gateway GW-OLD002 não pode ser restaurado");
        assertWordedIn(refused, Locale.forLanguageTag("sw"), "Lango GW-OLD002 haliwezi kurejeshwa");
    }

    @Test
    void takesTheGatewayShownUnderTheKeyShown() {
        assertThatCode(() -> RestorableGateway.requireShown(hello("GW-NEW001", KEY), "GW-NEW001",
                ByteString.fromHex("a1".repeat(32)))).doesNotThrowAnyException();
    }

    @Test
    void refusesAnotherGatewayOrTheSameIdUnderAnotherKeyInEveryLanguage() {
        ReplacementRefusedException other = catchThrowableOfType(() -> RestorableGateway.requireShown(
                hello("GW-NEW002", KEY), "GW-NEW001", KEY), ReplacementRefusedException.class);
        ReplacementRefusedException rekeyed = catchThrowableOfType(() -> RestorableGateway.requireShown(
                hello("GW-NEW001", OTHER_KEY), "GW-NEW001", KEY), ReplacementRefusedException.class);

        assertThat(other.code()).isEqualTo(RestorableGateway.CHANGED);
        assertThat(rekeyed.code()).isEqualTo(RestorableGateway.CHANGED);
        assertThat(rekeyed.getMessage()).startsWith("The gateway at this address is now GW-NEW001, key "
                + Ed25519.fingerprint(OTHER_KEY) + ", not gateway GW-NEW001, key " + Ed25519.fingerprint(KEY))
                .contains("no key was pinned");
        assertWordedIn(other, Locale.FRENCH, "La passerelle à cette adresse est maintenant GW-NEW002");
        assertWordedIn(other, Locale.forLanguageTag("pt"), "O gateway neste endereço é agora GW-NEW002");
        assertWordedIn(other, Locale.forLanguageTag("sw"), "Lango lililo kwenye anwani hii sasa ni GW-NEW002");
    }

    private static void assertWordedIn(ReplacementRefusedException refused, Locale language, String start) {
        I18n.use(language);
        assertThat(Failures.describe(refused)).as(language.toString()).startsWith(start).doesNotContain("''");
        I18n.use(Locale.ENGLISH);
    }

    private static HelloReply hello(String gatewayId, ByteString key) {
        return new HelloReply(1, gatewayId, "", "", "1.0", Instant.EPOCH, "XXX", "UTC", List.of("restore"),
                "supervisor", key, null);
    }

    private static HelloReply hello(String gatewayId, String siteId, List<String> capabilities) {
        return new HelloReply(1, gatewayId, siteId, "", "1.0", Instant.EPOCH, "KES", "UTC", capabilities,
                "supervisor", null, null);
    }
}
