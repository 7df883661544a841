package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.site.CreditState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A statement written as CSV reads back to its figures; as a page, it escapes what the site's data holds. */
class StatementExportTest {

    private static final String HOSTILE = "=HYPERLINK(\"x\"), <script>alert('Ltd & Co')</script>\r\nline two";

    @TempDir
    Path dir;

    @BeforeEach
    void inEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    /**
     * Two days of a KES account: opening 12.34; day one 1.234 kWh charged 0.43 energy + 0.10 standing, topped up
     * 5.00: 12.34 + 5.00 - 0.53 = 16.81; day two nothing but a correction of -0.01: 16.80.
     */
    private static CustomerStatement statement(String name) {
        StatementLines first = new StatementLines(43, 10, 0, 0, 0, 0, 500, 0);
        StatementLines second = new StatementLines(0, 0, 0, 0, 0, 0, 0, -1);
        return new CustomerStatement(StatementsTest.SITE, "C-1", name, List.of("M-1"), "flat-2026",
                LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-02"), 1_234,
                List.of(new CustomerStatement.Day(LocalDate.parse("2026-06-01"), 1_234, first, 1_681),
                        new CustomerStatement.Day(LocalDate.parse("2026-06-02"), 0, second, 1_680)),
                first.plus(second), 1_234, 1_680, CreditState.LOW);
    }

    @Test
    void csvReadsBackRowForRowWithAmountsInTheMainUnit() {
        List<List<String>> rows = parse(StatementCsv.of(statement("Amina Otieno")));

        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).isEqualTo(StatementCsv.COLUMNS);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(StatementCsv.COLUMNS.size()));
        assertThat(column(rows, 1, "line")).isEqualTo("opening");
        assertThat(column(rows, 1, "balance")).isEqualTo("12.34");
        assertThat(column(rows, 2, "date")).isEqualTo("2026-06-01");
        assertThat(column(rows, 2, "energy_kwh")).isEqualTo("1.234");
        assertThat(column(rows, 2, "energy")).isEqualTo("0.43");
        assertThat(column(rows, 2, "charges")).isEqualTo("0.53");
        assertThat(column(rows, 2, "top_ups")).isEqualTo("5.00");
        assertThat(column(rows, 2, "balance")).isEqualTo("16.81");
        assertThat(column(rows, 3, "adjustments")).isEqualTo("-0.01");
        assertThat(column(rows, 4, "line")).isEqualTo("total");
        assertThat(column(rows, 4, "date")).isEmpty();
        assertThat(column(rows, 4, "balance")).isEqualTo("16.80");
    }

    @Test
    void csvQuotesAHostileNameAndDisarmsItAsAFormula() {
        String csv = StatementCsv.of(statement(HOSTILE));

        assertThat(csv).contains("\r\n").doesNotContain("\n=").doesNotContain(",=HYPERLINK");
        List<List<String>> rows = parse(csv);
        assertThat(rows).hasSize(5);
        assertThat(column(rows, 2, "customer_name")).isEqualTo("'" + HOSTILE);
    }

    @Test
    void pageEscapesAHostileNameAndCarriesNoScript() {
        String page = StatementPage.of(statement(HOSTILE));

        assertThat(page).doesNotContain("<script").doesNotContain("'Ltd")
                .contains("&lt;script&gt;alert(&#39;Ltd &amp; Co&#39;)&lt;/script&gt;")
                .contains("=HYPERLINK(&quot;x&quot;)");
        assertThat(page).contains("@media print", "@page").doesNotContain("src=").doesNotContain("href=");
        assertThat(page).contains("<td>Total</td><td>1.234</td><td>0.53</td><td>5.00</td><td>-0.01</td>"
                + "<td>16.80</td>");
        assertThat(page).contains("<dt>Credit state at the last update</dt><dd>Low credit</dd>");
    }

    @Test
    void writesTheFileWholeUnderANameThatSaysWhoseItIs() throws IOException {
        CustomerStatement s = statement("Amina");
        Path file = dir.resolve(StatementExport.fileName(s, StatementExport.Format.CSV));
        Files.writeString(file, "an older statement");

        Path written = StatementExport.write(s, StatementExport.Format.CSV, file);

        assertThat(file.getFileName().toString()).isEqualTo("S-1-C-1-2026-06-01-2026-06-02.csv");
        assertThat(written).hasContent(StatementCsv.of(s).stripTrailing());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(written);
        }
    }

    private static String column(List<List<String>> rows, int row, String name) {
        return rows.get(row).get(StatementCsv.COLUMNS.indexOf(name));
    }

    /** RFC 4180 read strictly: CRLF ends a record, a quoted field may hold commas, quotes doubled and CRLF. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertThat(field).as("a quote opens a field only at its start").isEmpty();
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("a bare line break outside quotes").isNotIn('\r', '\n');
                field.append(c);
            }
        }
        assertThat(field).as("the file ends with CRLF").isEmpty();
        return rows;
    }
}
