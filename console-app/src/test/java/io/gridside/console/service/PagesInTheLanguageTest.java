package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.site.CreditState;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The receipt and the statement handed to a customer read in the console's language: its words, its digit grouping
 * and decimal mark, and its names of days and months, with no English word of the page left over.
 */
class PagesInTheLanguageTest {

    /** Words of the English pages that no French page may still carry ("Total" and "Date" are French too). */
    private static final List<String> ENGLISH = List.of("Cash receipt", "Receipt", "Amount", "Customer", "Paid",
            "Reference", "Taken by", "Balance", "credited", "Statement", "account", "Meter", "Tariff", "Period",
            "Opening", "Closing", "Credit state", "Energy", "Charges", "Top-ups", "Adjustments", "Standing charge",
            "Tax", "Levy", "Minimum charge", "Debt recovery", "Total charged", "Amounts in", "midnight", "ledger",
            "Low credit", "to", "the", "Jun", "Mon", "Tue");

    private static final String GROUP = String.valueOf(DecimalFormatSymbols.getInstance(Locale.FRENCH)
            .getGroupingSeparator());

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    /**
     * A KES account over two days: opening 1,234.50; day one 12,345.678 kWh charged 2,000.25 in all, topped up
     * 3,000.00: 2,234.25 at the end of it; day two a correction of -0.25: 2,234.00.
     */
    private static CustomerStatement statement() {
        StatementLines first = new StatementLines(180_000, 20_025, 0, 0, 0, 0, 300_000, 0);
        StatementLines second = new StatementLines(0, 0, 0, 0, 0, 0, 0, -25);
        return new CustomerStatement(StatementsTest.SITE, "C-1", "Amina Otieno", List.of("M-1"), "flat-2026",
                LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-02"), 123_450,
                List.of(new CustomerStatement.Day(LocalDate.parse("2026-06-01"), 12_345_678, first, 223_425),
                        new CustomerStatement.Day(LocalDate.parse("2026-06-02"), 0, second, 223_400)),
                first.plus(second), 12_345_678, 223_400, CreditState.LOW);
    }

    @Test
    void frenchReceiptReadsInFrenchWithFrenchAmountsAndDate() {
        I18n.use(Locale.FRENCH);

        String page = ReceiptPage.of(ReceiptPageTest.receipt("6AF4F6-0001", 129_754L),
                ReceiptPageTest.context("Daudi Kibet"));

        assertThat(page).contains("<html lang=\"fr\">", "<title>Reçu 6AF4F6-0001</title>",
                "<h1>Reçu de paiement en espèces</h1>", "<dt>Montant</dt>", "150,50 KES",
                "<dt>Payé le</dt><dd>3 juin 2026 12:07:00 (Africa/Nairobi)</dd>",
                "<dt>Solde après ce paiement</dt><dd>1" + GROUP + "297,54 KES</dd>", "<dt>Encaissé par</dt>");
        assertThat(englishLeftIn(page)).isEmpty();
    }

    @Test
    void frenchStatementReadsInFrenchWithFrenchNumbersAndDays() {
        I18n.use(Locale.FRENCH);

        String page = StatementPage.of(statement());

        assertThat(GROUP.charAt(0)).matches(Character::isSpaceChar, "a space of some width");
        assertThat(page).contains("<html lang=\"fr\">", "<h1>Relevé de compte</h1>",
                "<dt>Solde initial</dt><dd>1" + GROUP + "234,50 KES</dd>",
                "<dt>Période</dt><dd>du lun. 1 juin 2026 au mar. 2 juin 2026</dd>",
                "<dt>État du crédit à la dernière mise à jour</dt><dd>Crédit faible</dd>",
                "<td>lun. 1 juin 2026</td><td>12" + GROUP + "345,678</td><td>2" + GROUP + "000,25</td><td>3"
                        + GROUP + "000,00</td><td>0,00</td><td>2" + GROUP + "234,25</td>",
                "<td>Remboursement de dette</td>", "<th>Frais de la période</th>");
        assertThat(englishLeftIn(page)).isEmpty();
    }

    @Test
    void portugueseAndSwahiliStatementsReadInTheirOwnWords() {
        I18n.use(Locale.forLanguageTag("pt"));
        String portuguese = StatementPage.of(statement());
        I18n.use(Locale.forLanguageTag("sw"));
        String swahili = StatementPage.of(statement());

        assertThat(portuguese).contains("<html lang=\"pt\">", "<h1>Extrato de conta</h1>", "<dt>Saldo inicial</dt>",
                "1.234,50", "jun.").doesNotContain("Opening balance");
        assertThat(swahili).contains("<html lang=\"sw\">", "<h1>Taarifa ya akaunti</h1>", "<dt>Salio la mwanzo</dt>",
                "Jumatatu 1 Jun 2026").doesNotContain("Opening balance");
        assertThat(englishLeftIn(portuguese)).isEmpty();
        // Swahili shortens June as English does.
        assertThat(englishLeftIn(swahili)).isSubsetOf("Jun");
    }

    @Test
    void englishPageStillReadsInEnglish() {
        String page = StatementPage.of(statement());

        assertThat(page).contains("<dt>Opening balance</dt><dd>KES 1,234.50</dd>", "Mon 1 Jun 2026 to Tue 2 Jun 2026");
        assertThat(englishLeftIn(page)).contains("Opening", "Standing charge");
    }

    /** The words of {@link #ENGLISH} the page's visible text holds, as whole words. */
    private static List<String> englishLeftIn(String page) {
        String visible = page.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("<[^>]*>", " ");
        return ENGLISH.stream()
                .filter(word -> Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(word) + "(?![\\p{L}-])")
                        .matcher(visible).find())
                .toList();
    }
}
