package io.gridside.console.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.Failures;
import io.gridside.console.I18n;
import io.gridside.console.imports.ImportProblem;
import io.gridside.console.imports.PaymentsImport;
import io.gridside.console.imports.ReadingsImport;
import io.gridside.site.SiteInfo;
import io.gridside.site.commission.CsvProblem;
import io.gridside.site.commission.CustomerCsv;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows an import flags (readings, payments, a commissioning day's customers) read in the technician's language
 * on screen, line and column first; in English they read as the command line prints them.
 */
class ImportProblemsInTheLanguageTest {

    private static final SiteInfo SITE = new SiteInfo("S-1", "Test site", "KES", ZoneId.of("Africa/Nairobi"));
    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");
    /** A reason an import or a customers file names, as a literal among its other words. */
    private static final Pattern REASON = Pattern.compile("\"((?:import|customers)\\.[A-Za-z]+(?:\\.[A-Za-z]+)*)\"");

    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void aPaymentsFilesFlaggedRowsReadInFrenchAndInEnglishAsTheCommandLinePrintsThem() {
        List<ImportProblem> problems = payments("reference,customer,amount,time\n"
                + "PAY 1,C-9,12.345,2026-06-02T10:15\n");
        List<String> english = lines(problems);

        I18n.use(Locale.FRENCH);
        List<String> french = lines(problems);

        assertThat(english).isEqualTo(problems.stream().map(ImportProblem::toString).toList());
        assertThat(french).containsExactly(
                "ligne 2, reference : « PAY 1 » n'est pas une référence de paiement ; écrivez de 1 à 64 lettres, "
                        + "chiffres ou . _ : -, en commençant par une lettre ou un chiffre.",
                "ligne 2, customer : le site n'a aucun client « C-9 » ; vérifiez l'identifiant, ou récupérez le "
                        + "site à nouveau si le client est nouveau.",
                "ligne 2, amount : « 12.345 » a 3 décimales ; un montant en KES en a au plus 2.");
    }

    @Test
    void aReadingsFilesFlaggedRowsAndABrokenHeaderReadInPortuguese() {
        List<ImportProblem> rows = readings("meter,timestamp,register_kwh\nM-9,yesterday,-4\n");
        List<ImportProblem> header = readings("meter,register_kwh\nM-1,1.5\n");

        I18n.use(Locale.forLanguageTag("pt"));

        assertThat(lines(rows)).containsExactly(
                "linha 2, meter: o site não tem nenhum contador \"M-9\"; verifique o id, ou leia o site de novo se o "
                        + "contador for novo.",
                "linha 2, timestamp: \"yesterday\" não é uma hora; escreva 2026-06-02T10:15 (hora do site, "
                        + "Africa/Nairobi) ou 2026-06-02T10:15:00+03:00.",
                "linha 2, register_kwh: \"-4\" não é um número; escreva um registo em kWh como 1234.567: algarismos "
                        + "e um ponto, sem sinal, vírgula, espaço nem unidade.");
        assertThat(lines(header)).singleElement().asString().startsWith("linha 1, timestamp: faltam ao cabeçalho");
    }

    @Test
    void aCustomersFilesFlaggedLinesReadInSwahili() {
        List<CsvProblem> problems = CustomerCsv.read(String.join("\n",
                "customer_id,name,phone,address,category,tariff_id,opening_balance,meter_serial",
                "C-1,,0712,,HOUSEHOLD,T-1,-5,"), "KES", Set.of("T-1")).problems();

        I18n.use(Locale.forLanguageTag("sw"));
        List<String> swahili = problems.stream().map(p -> Failures.atLine(p.line(), p.column(), p, p.message()))
                .toList();

        assertThat(swahili).hasSize(problems.size()).contains("mstari 2, name: jina ni tupu")
                .anySatisfy(line -> assertThat(line).startsWith("mstari 2, phone: \"0712\" si nambari ya simu"))
                .anySatisfy(line -> assertThat(line).startsWith("mstari 2, opening_balance: salio la kuanzia -5 ni "
                        + "hasi"))
                .allSatisfy(line -> assertThat(line).doesNotContain(" is not ", " is empty", " is negative"));
    }

    @Test
    void everyReasonAnImportNamesHasASentenceInEveryLanguage() throws IOException {
        Set<String> reasons = new TreeSet<>();
        reasons.addAll(reasonsIn(Path.of("src", "main", "java", "io", "gridside", "console", "imports")));
        reasons.addAll(reasonsIn(Path.of("..", "site-models", "src", "main", "java", "io", "gridside", "site",
                "commission")));

        assertThat(reasons).as("reasons named in the imports' sources").hasSizeGreaterThan(50);
        for (Locale language : I18n.LANGUAGES) {
            I18n.use(language);
            assertThat(reasons).allSatisfy(reason -> assertThat(I18n.has("refused." + reason))
                    .as(reason + " in " + language).isTrue());
        }
    }

    private List<ImportProblem> payments(String csv) {
        try (SiteStore store = store()) {
            return PaymentsImport.plan(store, SITE, csv.getBytes(StandardCharsets.UTF_8), "pay.csv", NOW).problems();
        }
    }

    private List<ImportProblem> readings(String csv) {
        try (SiteStore store = store()) {
            return ReadingsImport.plan(store, SITE, csv.getBytes(StandardCharsets.UTF_8), "reads.csv", NOW)
                    .problems();
        }
    }

    private SiteStore store() {
        SiteStore store = SiteStore.open(dir.resolve("site.db"));
        store.saveSite(SITE, "GW-1");
        return store;
    }

    private static List<String> lines(List<ImportProblem> problems) {
        return problems.stream().map(p -> Failures.atLine(p.line(), p.field(), p, p.message())).toList();
    }

    private static Set<String> reasonsIn(Path root) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher reason = REASON.matcher(Files.readString(file));
                while (reason.find()) {
                    found.add(reason.group(1));
                }
            }
        }
        return found;
    }
}
