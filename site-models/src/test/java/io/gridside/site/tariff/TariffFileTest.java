package io.gridside.site.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** A tariff file is JSON in the shape of the schedule; a file of the wrong shape names the field it breaks. */
class TariffFileTest {

    private static final String TWO_VERSIONS = """
            {"tariffId": "village-2024", "currency": "KES", "versions": [
              {"effectiveFrom": "2024-01-01T00:00", "currency": "KES",
               "blocks": [{"upToWh": 30000, "price": 10000000, "lifeline": true}, {"price": 25000000}],
               "blockReset": "MONTHLY",
               "standing": {"period": "MONTHLY", "amountMinor": 20000, "dueDay": 1},
               "charges": [{"name": "VAT", "kind": "TAX", "basisPoints": 1600}],
               "lifelinePowerLimitWatts": 250},
              {"effectiveFrom": "2024-03-05T12:00", "currency": "KES", "blocks": [{"price": 30000000}]}
            ]}
            """;

    @Test
    void readsEveryPartOfASchedule() throws Exception {
        TariffSchedule schedule = TariffFile.parse(TWO_VERSIONS).validated();

        assertThat(schedule.versions()).hasSize(2);
        TariffVersion first = schedule.versions().get(0);
        assertThat(first.blocks()).containsExactly(new Block(30_000L, 10_000_000, true),
                new Block(null, 25_000_000, false));
        assertThat(first.standing()).isEqualTo(new StandingCharge(Period.MONTHLY, 20_000, 1));
        assertThat(first.charges()).containsExactly(new ChargeLine("VAT", ChargeLine.Kind.TAX, 1_600L, null));
        assertThat(first.lifelinePowerLimitWatts()).isEqualTo(250);
        assertThat(schedule.versionAt(LocalDateTime.of(2024, 3, 5, 12, 0))).isSameAs(schedule.versions().get(1));
    }

    @Test
    void writesAScheduleThatReadsBackEqual() throws Exception {
        TariffSchedule schedule = TariffFile.parse(TWO_VERSIONS).validated();

        String written = TariffFile.write(schedule);

        assertThat(TariffFile.parse(written)).isEqualTo(schedule);
        assertThat(written).contains("\"effectiveFrom\" : \"2024-03-05T12:00\"").doesNotContain("null");
    }

    @Test
    void namesAFieldOfTheWrongType() {
        String json = TWO_VERSIONS.replace("\"price\": 30000000", "\"price\": \"thirty\"");

        assertThatThrownBy(() -> TariffFile.parse(json)).isInstanceOfSatisfying(InvalidTariffException.class,
                e -> assertThat(e.problems()).singleElement()
                        .extracting(TariffProblem::field).isEqualTo("versions[1].blocks[0].price"));
    }

    @Test
    void refusesWhatItWouldOtherwiseReadAsSomethingElse() {
        String decimals = TWO_VERSIONS.replace("\"price\": 30000000", "\"price\": 350.5");
        String numberAsText = TWO_VERSIONS.replace("\"price\": 30000000", "\"price\": \"350\"");
        String nullPrice = TWO_VERSIONS.replace("\"price\": 30000000", "\"price\": null");
        String twice = TWO_VERSIONS.replace("{\"tariffId\": \"village-2024\",",
                "{\"tariffId\": \"village-2024\", \"tariffId\": \"other\",");

        for (String json : java.util.List.of(decimals, numberAsText, nullPrice)) {
            assertThatThrownBy(() -> TariffFile.parse(json)).as(json).isInstanceOfSatisfying(
                    InvalidTariffException.class, e -> assertThat(e.problems()).singleElement()
                            .extracting(TariffProblem::field).isEqualTo("versions[1].blocks[0].price"));
        }
        assertThatThrownBy(() -> TariffFile.parse(twice)).hasMessageContaining("tariffId");
        assertThatThrownBy(() -> TariffFile.parse(TWO_VERSIONS + " {}")).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> TariffFile.parse("null")).isInstanceOf(InvalidTariffException.class)
                .hasMessageContaining("is null");
    }

    @Test
    void namesAPriceLeftOut() {
        String json = TWO_VERSIONS.replace("{\"price\": 30000000}", "{}");

        assertThatThrownBy(() -> TariffFile.parse(json)).isInstanceOfSatisfying(InvalidTariffException.class,
                e -> assertThat(e.problems()).singleElement()
                        .extracting(TariffProblem::field).isEqualTo("versions[1].blocks[0].price"));
    }

    @Test
    void namesAnEffectiveTimeThatIsNotALocalTime() {
        String json = TWO_VERSIONS.replace("2024-03-05T12:00", "noon");

        assertThatThrownBy(() -> TariffFile.parse(json)).isInstanceOfSatisfying(InvalidTariffException.class,
                e -> assertThat(e.problems()).singleElement().hasToString(
                        "versions[1].effectiveFrom: must be a local time such as 2024-03-05T12:00, was noon"));
    }

    @Test
    void namesAFieldTheModelDoesNotHave() {
        String json = TWO_VERSIONS.replace("\"lifeline\": true", "\"lifelin\": true");

        assertThatThrownBy(() -> TariffFile.parse(json)).isInstanceOfSatisfying(InvalidTariffException.class,
                e -> assertThat(e.problems()).singleElement()
                        .extracting(TariffProblem::field).isEqualTo("versions[0].blocks[0].lifelin"));
    }

    @Test
    void listsEveryChoiceTheFileNamesWronglyEachWithItsField() {
        String json = TWO_VERSIONS.replace("\"blockReset\": \"MONTHLY\"", "\"blockReset\": \"WEEKLY\"")
                .replace("\"period\": \"MONTHLY\"", "\"period\": \"YEARLY\"")
                .replace("\"kind\": \"TAX\"", "\"kind\": \"FEE\"");

        assertThatThrownBy(() -> TariffFile.parse(json)).isInstanceOfSatisfying(InvalidTariffException.class,
                e -> assertThat(e.problems()).extracting(TariffProblem::toString).containsExactly(
                        "versions[0].blockReset: must be one of DAILY, MONTHLY, was \"WEEKLY\"",
                        "versions[0].standing.period: must be one of DAILY, MONTHLY, was \"YEARLY\"",
                        "versions[0].charges[0].kind: must be one of TAX, LEVY, was \"FEE\""));
    }

    @Test
    void listsAWrongChoiceBeforeTheProblemOfAnotherKindThatStopsTheReading() {
        String json = TWO_VERSIONS.replace("\"blockReset\": \"MONTHLY\"", "\"blockReset\": \"WEEKLY\"")
                .replace("\"price\": 30000000", "\"price\": \"thirty\"");

        assertThatThrownBy(() -> TariffFile.parse(json)).isInstanceOfSatisfying(InvalidTariffException.class,
                e -> assertThat(e.problems()).extracting(TariffProblem::field)
                        .containsExactly("versions[0].blockReset", "versions[1].blocks[0].price"));
    }

    @Test
    void saysWhatEachFieldTakesInTheTariffsOwnWords() {
        assertThat(problem(TWO_VERSIONS.replace("\"blockReset\": \"MONTHLY\"", "\"blockReset\": \"WEEKLY\"")))
                .isEqualTo("versions[0].blockReset: must be one of DAILY, MONTHLY, was \"WEEKLY\"");
        assertThat(problem(TWO_VERSIONS.replace("\"price\": 30000000", "\"price\": \"thirty\"")))
                .isEqualTo("versions[1].blocks[0].price: must be a whole number, without decimals or quotes, "
                        + "was \"thirty\"");
        assertThat(problem(TWO_VERSIONS.replace("\"lifeline\": true", "\"lifeline\": \"yes\"")))
                .isEqualTo("versions[0].blocks[0].lifeline: must be true or false, without quotes, was \"yes\"");
        assertThat(problem(TWO_VERSIONS.replace("\"price\": 30000000", "\"price\": null")))
                .isEqualTo("versions[1].blocks[0].price: must be a whole number, not null");
        assertThat(problem(TWO_VERSIONS.replace("{\"price\": 30000000}", "{}")))
                .isEqualTo("versions[1].blocks[0].price: is required");
        assertThat(problem(TWO_VERSIONS.replace("[{\"price\": 30000000}]", "{\"price\": 30000000}")))
                .isEqualTo("versions[1].blocks: must be a list in [ ]");
        assertThat(problem(TWO_VERSIONS.replace("\"lifeline\": true", "\"lifelin\": true")))
                .isEqualTo("versions[0].blocks[0].lifelin: is not a field here; the fields here are lifeline, "
                        + "price, upToWh");
        assertThat(problem(TWO_VERSIONS + " {}"))
                .isEqualTo("(file): has more after the tariff's closing brace; a tariff file holds one JSON object");
        assertThat(problem(TWO_VERSIONS.replace("{\"tariffId\": \"village-2024\",",
                "{\"tariffId\": \"village-2024\", \"tariffId\": \"other\",")))
                .isEqualTo("(file): gives the key 'tariffId' twice in one object at line 1, column 40");
        assertThat(problem(TWO_VERSIONS.replace("{\"price\": 30000000}", "{\"price\": 30000000, \"price\": 1}")))
                .isEqualTo("versions[1].blocks[0]: gives the key 'price' twice in one object");
        assertThat(problem("{\"tariffId\": ")).startsWith("(file): is not JSON at line 1, column")
                .endsWith(": it ends too soon, a closing } or ] is missing");
        assertThat(problem("tariff: flat")).startsWith("(file): is not JSON at line 1, column")
                .endsWith("(text needs double quotes)");
    }

    /** The one problem {@code json} has, as tariff-check prints it, with none of the reader's own wording. */
    private static String problem(String json) {
        InvalidTariffException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidTariffException.class,
                () -> TariffFile.parse(json));
        assertThat(e).as(json).isNotNull();
        assertThat(e.problems()).hasSize(1);
        String line = e.problems().get(0).toString();
        assertThat(line).doesNotContain("`", "io.gridside", "java.", "Cannot", "Source", "REDACTED", "Enum",
                "coercion", "creator");
        return line;
    }
}
