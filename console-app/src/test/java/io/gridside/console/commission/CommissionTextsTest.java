package io.gridside.console.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gridside.console.I18n;
import io.gridside.console.service.commission.CommissionSentence;
import io.gridside.console.service.commission.NotReadyRefusals;
import io.gridside.console.service.commission.StepCancelledException;
import io.gridside.site.commission.AssignmentRules;
import io.gridside.site.commission.CommissionRefusal;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.LinkChecks;
import io.gridside.site.commission.LinkSuggestion;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.MeterSerial;
import io.gridside.link.client.LinkException;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.store.CommissionRecords;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commissioning day's sentences from the service and site-models (what a step waits for, a link check's
 * reasons, a refusal of the rules) are worded in the console's language on the screen and in English for the
 * command line, from the same keys.
 */
class CommissionTextsTest {

    private static final Instant JOINED = Instant.parse("2026-07-01T06:00:00Z");
    private static final String SERIAL = MeterSerial.of("GS", 4_200_001);
    /** A gateway's commissioning code as the protocol's table of error codes lists it. */
    private static final Pattern GATEWAY_CODE = Pattern.compile("^\\| `(COMMISSION_[A-Z_]+)` \\|",
            Pattern.MULTILINE);

    @TempDir
    Path folder;

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
    void oneWeakLinkIsCountedInTheSingularAndSeveralInThePlural() {
        I18n.use(Locale.forLanguageTag("pt"));

        assertThat(CommissionSentence.of("wait.links", 1, "SM-1").english()).startsWith("1 meter has a link too weak");
        assertThat(CommissionSentence.of("wait.links", 3, "SM-1").english()).startsWith("3 meters have links too weak");
        assertThat(CommissionSentence.of("wait.links", 1, "SM-1").text()).startsWith("A ligação de 1 contador é");
        I18n.use(Locale.FRENCH);
        assertThat(CommissionSentence.of("wait.links", 1, "SM-1").text()).startsWith("La liaison de 1 compteur est");
        assertThat(CommissionSentence.of("wait.links", 2, "SM-1").text()).startsWith("Les liaisons de 2 compteurs");
    }

    @Test
    void aRefusedPlannedMeterIsWordedWithTheRefusalsOwnReasonInEachLanguage() {
        CommissionSentence reason = CommissionSentence.of("refusal.meterType", "KS-3", "MILL", 3, SERIAL, 1, "mtr-r1");
        CommissionSentence waiting = CommissionSentence.of("wait.assignRefused", 1, 1, reason, "METER_TYPE");

        I18n.use(Locale.FRENCH);

        assertThat(waiting.english()).contains("[METER_TYPE]").contains("Customer KS-3 is a MILL, which needs a "
                + "3-phase meter").doesNotContain("scan each meter");
        assertThat(waiting.text()).contains("[METER_TYPE]").contains("Le client KS-3 est de catégorie MILL");
    }

    @Test
    void metersShortOnlyOfRoutesAreToldOfASecondRouteNotARepeaterInEachLanguage() {
        LinkSuggestion two = new LinkSuggestion(LinkSuggestion.Kind.FEW_ROUTES, List.of(SERIAL, "GS0042000028"),
                -0.45, 36.9, "");
        LinkSuggestion one = new LinkSuggestion(LinkSuggestion.Kind.FEW_ROUTES, List.of(SERIAL), -0.45, 36.9, "");

        String english = CommissionOverviews.remedy(two).text();
        String single = CommissionOverviews.remedy(one).text();
        I18n.use(Locale.FRENCH);
        String french = CommissionOverviews.remedy(two).text();
        String action = CommissionTexts.text("action.FEW_ROUTES");

        assertThat(english).startsWith("2 meters close together near -0.450000, 36.900000 hear their parents well")
                .contains("second route").endsWith("(" + SERIAL + ", GS0042000028)");
        assertThat(single).startsWith("Meter " + SERIAL + " hears its parent well").endsWith("needs no repeater.");
        assertThat(french).startsWith("2 compteurs proches").contains("seconde route").contains("n'a pas besoin");
        assertThat(action).isEqualTo("Lui donner une seconde route");
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

    @Test
    void aRecordClosedAtGoLiveIsRefusedInTheConsolesLanguage() {
        SitePlan plan = new SitePlan("ngamba-3", "Ngamba", "Ngamba Power", "KES", ZoneId.of("Africa/Nairobi"),
                List.of(LocalDate.of(2026, 10, 20)), -0.31, 32.65);
        CommissionRefusal refusal;
        try (SiteStore store = CommissionRecords.createSite(folder.resolve("ngamba-3.db"), plan, JOINED)) {
            store.commission().markDone(CommissionStep.GO_LIVE, JOINED.plusSeconds(3_600), "live");
            refusal = catchThrowableOfType(() -> store.commission().saveCustomers(List.of()),
                    CommissionRefusal.class);
        }

        I18n.use(Locale.FRENCH);

        assertThat(refusal.getMessage()).startsWith("The site went live at");
        assertThat(refusal.reason()).isPresent();
        assertThat(ServiceCommissionSource.words(refusal)).doesNotContain("went live").contains("2026-07-01")
                .endsWith("[NOT_READY]");
    }

    @Test
    void aStepCancelledReadsInFrenchWithTheStepNamedAsTheScreenNamesIt() {
        StepCancelledException cancelled = new StepCancelledException(CommissionStep.RELAY_TEST);

        I18n.use(Locale.FRENCH);

        assertThat(cancelled.getMessage()).contains("RELAY_TEST");
        assertThat(ServiceCommissionSource.words(cancelled)).isEqualTo("La mise en service a été annulée pendant "
                + "l'étape « Test des relais » ; elle reprendra là où elle s'est arrêtée.");
    }

    @Test
    void aGatewayServingAnotherSiteIsRefusedWithASentenceOfItsOwn() {
        CommissionRefusal refusal = NotReadyRefusals.gatewayOfAnotherSite("GW-9",
                "site-a", "site-b");

        I18n.use(Locale.forLanguageTag("sw"));

        assertThat(refusal.code()).isEqualTo(CommissionRefusal.NOT_READY);
        assertThat(refusal.getMessage()).contains("serves site site-a already, not site-b");
        assertThat(ServiceCommissionSource.words(refusal)).doesNotContain("serves site").contains("GW-9", "site-a",
                "site-b").endsWith("[NOT_READY]");
    }

    @Test
    void theGatewaysCommissioningRefusalsReadInTheConsolesLanguageWithTheGatewaysCode() {
        LinkException live = LinkException.fromGateway(LinkException.Code.GATEWAY_ERROR, "The site is live; move "
                + "customers with the site's moves (COMMISSION_LIVE)", "COMMISSION_LIVE");

        I18n.use(Locale.forLanguageTag("pt"));

        assertThat(ServiceCommissionSource.words(live)).doesNotContain("The site is live")
                .isEqualTo(I18n.text("error.gateway.COMMISSION_LIVE") + " [COMMISSION_LIVE]");
    }

    @Test
    void everyCommissioningCodeOfTheGatewayIsWordedInEveryLanguage() throws IOException {
        Matcher codes = GATEWAY_CODE.matcher(Files.readString(Path.of("..", "docs", "protocol.md")));
        Set<String> documented = new TreeSet<>();
        while (codes.find()) {
            documented.add(codes.group(1));
        }

        assertThat(documented).as("the protocol's commissioning codes").hasSizeGreaterThan(15);
        for (Locale language : I18n.LANGUAGES) {
            I18n.use(language);
            assertThat(documented).allSatisfy(code -> assertThat(I18n.has("error.gateway." + code))
                    .as(language + " " + code).isTrue());
        }
    }
}
