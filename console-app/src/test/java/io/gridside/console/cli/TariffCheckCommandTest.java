package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridside bill tariff-check FILE} names each problem by its field, or sums up a valid tariff. */
class TariffCheckCommandTest {

    private static final String VALID = """
            {"tariffId": "village-2024", "currency": "KES", "versions": [
              {"effectiveFrom": "2024-01-01T00:00", "currency": "KES",
               "blocks": [{"upToWh": 30000, "price": 10000000, "lifeline": true}, {"price": 25005000}],
               "blockReset": "MONTHLY",
               "tou": [{"day": "WEEKDAY", "from": "00:00", "to": "18:00", "price": 0},
                       {"day": "WEEKDAY", "from": "18:00", "to": "24:00", "price": 5000000},
                       {"day": "SATURDAY", "from": "00:00", "to": "24:00", "price": 0},
                       {"day": "SUNDAY_OR_HOLIDAY", "from": "00:00", "to": "24:00", "price": 0}],
               "standing": {"period": "MONTHLY", "amountMinor": 20000, "dueDay": 1},
               "minimumMonthlyMinor": 50000,
               "charges": [{"name": "VAT", "kind": "TAX", "basisPoints": 1600},
                           {"name": "REA", "kind": "LEVY", "price": 500000}],
               "lifelinePowerLimitWatts": 250},
              {"effectiveFrom": "2024-03-05T12:00", "currency": "KES", "blocks": [{"price": 30000000}]}
            ]}
            """;

    @TempDir
    Path folder;

    @Test
    void summarisesEachVersionOfAValidTariff() throws IOException {
        CommandRun run = CommandRun.of("bill", "tariff-check", write(VALID).toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out().lines()).containsExactly(
                "Tariff village-2024 in KES: 2 versions, valid.",
                "from 2024-01-01T00:00:",
                "  energy   KES 10.00/kWh lifeline up to 30000 Wh, then KES 25.005/kWh (reset monthly)",
                "  tou      4 bands",
                "  standing KES 200.00 monthly, due on day 1",
                "  minimum  KES 500.00 a month",
                "  tax      VAT 16.00% of energy",
                "  levy     REA KES 0.50/kWh",
                "  lifeline power limit 250 W",
                "from 2024-03-05T12:00:",
                "  energy   KES 30.00/kWh");
    }

    @Test
    void printsEachProblemWithItsFieldAndExitsOne() throws IOException {
        String invalid = VALID.replace("\"to\": \"18:00\"", "\"to\": \"17:00\"")
                .replace("\"price\": 30000000", "\"price\": -1")
                .replace("\"effectiveFrom\": \"2024-03-05T12:00\", \"currency\": \"KES\"",
                        "\"effectiveFrom\": \"2023-12-31T00:00\", \"currency\": \"UGX\"");

        CommandRun run = CommandRun.of("bill", "tariff-check", write(invalid).toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out().lines()).containsExactly(
                "versions[0].tou: no band covers WEEKDAY from 17:00 to 18:00",
                "versions[1].effectiveFrom: must be after the previous version's 2024-01-01T00:00 (versions are "
                        + "listed oldest first), was 2023-12-31T00:00",
                "versions[1].currency: must be the tariff's currency KES, was UGX",
                "versions[1].blocks[0].price: must not be negative, was -1");
        assertThat(run.errLines()).singleElement().asString().endsWith("[TARIFF_INVALID]");
    }

    @Test
    void aFileThatIsNotJsonIsAnInvalidTariff() throws IOException {
        CommandRun run = CommandRun.of("bill", "tariff-check", write("tariff: flat").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).startsWith("(file): is not JSON");
    }

    @Test
    void aMissingFileIsAUsageError() {
        CommandRun run = CommandRun.of("bill", "tariff-check", folder.resolve("absent.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("does not exist")
                .endsWith("[TARIFF_UNREADABLE]");
    }

    @Test
    void noFileIsAUsageError() {
        assertThat(CommandRun.of("bill", "tariff-check").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(CommandRun.of("bill").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    private Path write(String json) throws IOException {
        return Files.writeString(folder.resolve("tariff.json"), json);
    }
}
