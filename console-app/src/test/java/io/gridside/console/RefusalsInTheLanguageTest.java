package io.gridside.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gridside.console.service.Amounts;
import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.service.UsbId;
import io.gridside.console.service.sync.CloudPin;
import io.gridside.site.CustomerCategory;
import io.gridside.site.InvalidValueException;
import io.gridside.site.NotReadyException;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.PlannedCustomer;
import io.gridside.site.firmware.CampaignPolicy;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The site models' and the services' refusals that name their sentence read in the technician's language on screen,
 * while their English message stays as the command line and the log read it; a kept message writes its amounts as
 * the language of the moment writes them.
 */
class RefusalsInTheLanguageTest {

    /** A refusal naming its sentence, in the sources of the console, the site models and the link. */
    private static final Pattern REASON = Pattern.compile(
            "new (?:InvalidValueException|NotReadyException|NotHeldException|RefusedFileException"
                    + "|BrokenRecordException|SiteMismatchException)\\(\\s*\"([A-Za-z0-9.]+)\"\\s*,");
    /** A reason a tariff's checks and the tariff's units name, as a literal among their other words. */
    private static final Pattern TARIFF_REASON = Pattern.compile("\"((?:tariff|units)\\.[A-Za-z]+(?:\\.[A-Za-z]+)*)\"");

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void aMistypedAmountIsRefusedInFrenchOnScreenAndInEnglishInItsMessage() {
        Throwable refused = catchThrowable(() -> Amounts.parse("-5", "KES"));
        Message message = new Message();
        message.fail(refused);
        String english = message.textProperty().get();

        I18n.use(Locale.FRENCH);

        assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an amount cannot be negative; '-5' is");
        assertThat(english).isEqualTo(refused.getMessage());
        assertThat(message.textProperty().get()).isEqualTo("Un montant ne peut pas être négatif ; « -5 » l'est.");
    }

    @Test
    void whatATechnicianTypesToConnectOrSyncIsRefusedInTheirLanguage() {
        Throwable address = catchThrowable(() -> ConnectionTarget.Tcp.parse("gateway"));
        Throwable port = catchThrowable(() -> ConnectionTarget.Tcp.parse("10.0.0.5:port"));
        Throwable pin = catchThrowable(() -> CloudPin.parse("abc"));
        Throwable usb = catchThrowable(() -> UsbId.parse("0525"));

        I18n.use(Locale.FRENCH);

        assertThat(address).hasMessageContaining("HOST:PORT");
        assertThat(Failures.describe(address)).startsWith("Donnez l'adresse de la passerelle").contains("« gateway »");
        assertThat(Failures.describe(port)).isEqualTo("Le port dans « 10.0.0.5:port » n'est pas un nombre.");
        assertThat(Failures.words(pin)).startsWith("L'empreinte du cloud « abc »");
        I18n.use(Locale.forLanguageTag("pt"));
        assertThat(Failures.describe(usb)).startsWith("Escreva um id USB").contains("\"0525\"");
    }

    @Test
    void anAmountPastTheLimitNamesTheLimitAsTheLanguageWritesMoney() {
        Throwable refused = catchThrowable(() -> Amounts.parse("100000001", "KES"));

        I18n.use(Locale.FRENCH);
        String french = Failures.describe(refused);
        I18n.use(Locale.forLanguageTag("sw"));
        String swahili = Failures.describe(refused);

        char group = DecimalFormatSymbols.getInstance(Locale.FRENCH).getGroupingSeparator();
        assertThat(refused.getMessage()).contains("KES 100,000,000.00");
        assertThat(french).startsWith("Un seul montant ne dépasse pas 100" + group + "000" + group + "000,00 KES")
                .contains("« 100000001 »");
        assertThat(swahili).startsWith("Kiasi kimoja hakizidi").contains("100,000,000.00", "\"100000001\"");
    }

    @Test
    void aCommissioningPlanRefusedReadsInPortugueseInsideTheScreensSentence() {
        Throwable refused = catchThrowable(() -> new PlannedCustomer("C-9", "Amina", "0712", "", CustomerCategory
                .values()[0], "flat", 0, null));
        I18n.use(Locale.forLanguageTag("pt"));

        String shown = I18n.text("commission.site.invalid", Failures.words(refused));

        assertThat(refused).isInstanceOf(InvalidValueException.class);
        assertThat(shown).startsWith("Não foi possível criar o site: Um número de telefone escreve-se com +")
                .contains("0712").doesNotContain("phone number");
    }

    @Test
    void aFailSignalLimitPastTheRadiosReachIsRefusedInPortuguese() {
        Throwable refused = catchThrowable(() -> new LinkThresholds(-40, -110, 2, 4, 2, 1, 150));
        I18n.use(Locale.forLanguageTag("pt"));

        assertThat(refused.getMessage()).contains("sensitivity, -104 dBm", "fail -110");
        assertThat(Failures.words(refused)).startsWith("O limite de sinal para falhar fica igual ou acima da "
                + "sensibilidade do rádio, -104 dBm").endsWith("falhar -110");
    }

    @Test
    void linkLimitsRefusedReadInSwahiliWithTheLanguagesNumbers() {
        Throwable refused = catchThrowable(() -> new LinkThresholds(-90, -100, 2.5, 1.5, 2, 1, 150));
        I18n.use(Locale.forLanguageTag("sw"));

        assertThat(Failures.words(refused)).startsWith("Vikomo vya ETX ni angalau 1")
                .endsWith("kupita 2.5, kushindwa 1.5");
        I18n.use(Locale.FRENCH);
        assertThat(Failures.words(refused)).endsWith("réussite 2,5, échec 1,5");
    }

    @Test
    void aSyncNotReadyReadsInFrenchAndKeepsItsEnglishForTheLog() {
        NotReadyException refused = new NotReadyException("sync.notSetUp", "Sync is not set up for this site.");

        I18n.use(Locale.FRENCH);

        assertThat(Failures.describe(refused)).startsWith("La synchro n'est pas configurée pour ce site");
        assertThat(refused.getMessage()).isEqualTo("Sync is not set up for this site.");
        assertThatThrownBy(() -> {
            throw refused;
        }).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeptMessageWritesItsAmountAsTheLanguageOfTheMomentDoes() {
        Message message = new Message();
        message.say("cash.voided", "6AF4F6-0007", Sentence.money(123_450, "KES"), "C00003");
        String english = message.textProperty().get();

        I18n.use(Locale.FRENCH);

        char group = DecimalFormatSymbols.getInstance(Locale.FRENCH).getGroupingSeparator();
        assertThat(english).contains("KES 1,234.50").doesNotContain("1" + group + "234,50");
        assertThat(message.textProperty().get()).contains("1" + group + "234,50 KES", "6AF4F6-0007", "C00003")
                .doesNotContain("KES 1,234.50");
    }

    @Test
    void everyReasonTheCodeNamesHasASentenceInTheBundles() throws IOException {
        Set<String> reasons = new TreeSet<>();
        for (Path sources : new Path[] {Path.of("src", "main", "java"), Path.of("..", "site-models", "src", "main",
                "java"), Path.of("..", "device-link", "src", "main", "java")}) {
            reasons.addAll(reasonsIn(sources));
        }

        assertThat(reasons).as("reasons named in the sources").hasSizeGreaterThan(50);
        assertThat(reasons).allSatisfy(reason -> assertThat(I18n.has("refused." + reason)).as(reason).isTrue());
    }

    @Test
    void everyRuleOfAMeterCampaignHasASentenceInEveryLanguage() {
        for (Locale language : I18n.LANGUAGES) {
            I18n.use(language);
            assertThat(CampaignPolicy.class.getRecordComponents()).extracting(RecordComponent::getName)
                    .hasSize(8).allSatisfy(rule -> assertThat(I18n.has("refused.campaign." + rule))
                            .as(rule + " in " + language).isTrue());
        }
    }

    private static Set<String> reasonsIn(Path root) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher reason = REASON.matcher(Files.readString(file));
                while (reason.find()) {
                    found.add(reason.group(1));
                }
                String name = file.getFileName().toString();
                Matcher tariff = TARIFF_REASON.matcher(name.equals("TariffValidator.java")
                        || name.equals("TariffUnits.java") ? Files.readString(file) : "");
                while (tariff.find()) {
                    found.add(tariff.group(1));
                }
            }
        }
        return found;
    }
}
