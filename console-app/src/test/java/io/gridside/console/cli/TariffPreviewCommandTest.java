package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bill tariff-preview} on a site billing flat at KES 25.00/kWh and KES 10.00 a day, whose customer C-1
 * read 1,234 Wh in June 2026 (Nairobi).
 */
class TariffPreviewCommandTest {

    /** The flat tariff at KES 26.50/kWh, with VAT 16%, from July. */
    private static final String PROPOSED = """
            {"tariffId": "flat", "currency": "KES", "versions": [
              {"effectiveFrom": "2026-07-01T00:00", "currency": "KES", "blocks": [{"price": 26500000}],
               "standing": {"period": "DAILY", "amountMinor": 1000},
               "charges": [{"name": "VAT", "kind": "TAX", "basisPoints": 1600}]}
            ]}
            """;

    @TempDir
    Path dir;

    private Path database;
    private Path tariff;

    @BeforeEach
    void site() throws IOException {
        database = dir.resolve("site.db");
        tariff = dir.resolve("tariff.json");
        Files.writeString(tariff, PROPOSED);
        try (SiteStore store = SiteStore.open(database)) {
            store.saveSite(new SiteInfo("S-1", "Test site", "KES", ZoneId.of("Africa/Nairobi")), "GW-1");
            store.saveTariff(new Tariff("flat", "KES", 2_500, 1_000, 5_000));
            store.saveRoster(List.of(new Customer("C-1", "Amina", CustomerCategory.HOUSEHOLD)),
                    List.of(new Meter("M-1", "S-1", "C-1", "GW-1", -70)));
            store.insertReadings(List.of(new Reading("M-1", Instant.parse("2026-06-10T07:00:00Z"), 1_234, 1_234)));
        }
    }

    /**
     * Now: 1,234 Wh at KES 25.00 is 30.85, and 30 days at 10.00 are 300.00: KES 330.85. New: 1,234 Wh at 26.50 is
     * 32.701, posted as 32.70; VAT is 16% of the exact 32.701, 5.23216, posted as 5.23: 32.70 + 300.00 + 5.23 =
     * KES 337.93, KES 7.08 more.
     */
    @Test
    void printsTheMonthsBillUnderBothTariffsWithTheDifference() throws IOException {
        CommandRun run = CommandRun.of("bill", "tariff-preview", "--site", database.toString(), "--tariff",
                tariff.toString(), "--customer", "C-1", "--month", "2026-06", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode preview = new ObjectMapper().readTree(run.out());
        assertThat(preview.get("currentTotalMinor").asLong()).isEqualTo(33_085);
        assertThat(preview.get("proposedTotalMinor").asLong()).isEqualTo(33_793);
        assertThat(preview.get("differenceMinor").asLong()).isEqualTo(708);
        assertThat(preview.get("rows").findValuesAsText("line"))
                .containsExactly("block 1", "energy", "standing", "tax VAT", "TOTAL");
        JsonNode part = preview.get("rows").get(0);
        assertThat(part.get("current").asLong()).isEqualTo(30_850_000_000L);
        assertThat(part.get("proposed").asLong()).isEqualTo(32_701_000_000L);

        CommandRun text = CommandRun.of("bill", "tariff-preview", "--site", database.toString(), "--tariff",
                tariff.toString(), "--customer", "C-1", "--month", "2026-06");
        assertThat(text.out()).contains("block 1 at 25.00 / 26.50", "32.701", "+1.851", "337.93", "+7.08");
    }

    @Test
    void printsTheProblemsOfAnInvalidTariffFileWithTheirFields() throws IOException {
        Files.writeString(tariff, PROPOSED.replace("\"amountMinor\": 1000", "\"amountMinor\": 1000, \"dueDay\": 3"));

        CommandRun run = CommandRun.of("bill", "tariff-preview", "--site", database.toString(), "--tariff",
                tariff.toString(), "--customer", "C-1", "--month", "2026-06");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("versions[0].standing.dueDay: must be absent for a daily charge, was 3");
        assertThat(run.err()).contains("TARIFF_INVALID");
    }

    @Test
    void refusesAnUnknownCustomer() {
        CommandRun run = CommandRun.of("bill", "tariff-preview", "--site", database.toString(), "--tariff",
                tariff.toString(), "--customer", "C-9", "--month", "2026-06");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("no customer C-9");
    }
}
