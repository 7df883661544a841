package io.gridside.console.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.StandingCharge;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffValidator;
import io.gridside.site.tariff.TariffVersion;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The draft of a tariff's next version: a copy of the newest, checked on each edit by the tariff's validation. */
class VersionDraftTest {

    private static final LocalDateTime JULY = LocalDateTime.of(2026, 7, 1, 0, 0);
    private static final TariffSchedule SCHEDULE = new TariffSchedule("village", "KES", List.of(new TariffVersion(
            LocalDateTime.of(2026, 1, 1, 0, 0), "KES",
            List.of(new Block(1_000L, 10_000_000, true), new Block(null, 25_000_000, false)), Period.MONTHLY,
            List.of(), new StandingCharge(Period.MONTHLY, 20_000, 1), 2_500L,
            List.of(new ChargeLine("VAT", ChargeLine.Kind.TAX, 1_600L, null)), 250)));

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void wordsEachProblemAndItsFieldInFrench() {
        I18n.use(Locale.FRENCH);
        VersionDraft draft = new VersionDraft(SCHEDULE, JULY);

        draft.blocks.get(1).lifeline.set(true);
        draft.dueDay.set("31");

        assertThat(draft.blocks.get(1).errorProperty().get()).isEqualTo(I18n.text("tariff.field.lifeline") + ": "
                + I18n.text("refused.tariff.lifeline.first")).doesNotContain("only the first");
        assertThat(draft.error("standing").get()).isEqualTo(I18n.text("tariff.field.dueday") + ": "
                + I18n.text("refused.tariff.dueDay.range", 28, 31)).contains("31", "28");

        draft.blocks.get(1).lifeline.set(false);
        draft.dueDay.set("1");
        draft.blocks.get(0).price.set("10.0000001");
        draft.minimum.set("lots");

        assertThat(draft.blocks.get(0).errorProperty().get()).isEqualTo(I18n.text("tariff.field.price") + ": "
                + I18n.text("refused.units.decimals", 6, "10.0000001")).doesNotContain("must");
        assertThat(draft.error("minimum").get()).isEqualTo(I18n.text("refused.units.amount", "200.00", "lots"))
                .doesNotContain("must");
    }

    @Test
    void startsAsACopyOfTheNewestVersionInTheCurrencysFigures() {
        VersionDraft draft = new VersionDraft(SCHEDULE, JULY);

        assertThat(draft.effectiveFrom.get()).isEqualTo("2026-07-01T00:00");
        assertThat(draft.blocks).extracting(r -> r.upToKwh.get() + " " + r.price.get() + " " + r.lifeline.get())
                .containsExactly("1 10.00 true", " 25.00 false");
        assertThat(draft.standingAmount.get()).isEqualTo("200.00");
        assertThat(draft.charges.get(0).percent.get()).isEqualTo("16");
        assertThat(draft.problemCountProperty().get()).isZero();
        assertThat(draft.versionProperty().get()).isEqualTo(new TariffVersion(JULY, "KES",
                SCHEDULE.versions().get(0).blocks(), Period.MONTHLY, List.of(), new StandingCharge(Period.MONTHLY,
                        20_000, 1), 2_500L, SCHEDULE.versions().get(0).charges(), 250));
    }

    @Test
    void showsEachProblemBesideTheFieldTheValidationNames() {
        VersionDraft draft = new VersionDraft(SCHEDULE, JULY);

        draft.effectiveFrom.set("2025-12-01T00:00");
        draft.blocks.get(1).lifeline.set(true);
        draft.dueDay.set("31");

        assertThat(draft.error("effectiveFrom").get()).startsWith("must be after the previous version's");
        assertThat(draft.blocks.get(1).errorProperty().get())
                .isEqualTo("lifeline: only the first block can be a lifeline block");
        assertThat(draft.error("standing").get()).isEqualTo("dueDay: must be a day of the month from 1 to 28, was 31");
        assertThat(draft.problemCountProperty().get()).isEqualTo(3);
        assertThat(draft.versionProperty().get()).isNull();
        assertThat(draft.scheduleWithDraft()).isNull();
    }

    @Test
    void refusesAFigureItCannotHoldExactlyBesideItsField() {
        VersionDraft draft = new VersionDraft(SCHEDULE, JULY);

        draft.blocks.get(0).price.set("10.0000001");
        draft.minimum.set("lots");

        assertThat(draft.blocks.get(0).errorProperty().get()).isEqualTo("price: must have at most 6 decimals, "
                + "was 10.0000001");
        assertThat(draft.error("minimum").get()).isEqualTo("must be an amount such as 200.00, was lots");
        assertThat(draft.problemCountProperty().get()).isEqualTo(2);
        assertThat(draft.versionProperty().get()).isNull();

        draft.blocks.get(0).price.set("10.000005");
        draft.minimum.set("");
        assertThat(draft.problemCountProperty().get()).isZero();
        assertThat(draft.versionProperty().get().blocks().get(0).price()).isEqualTo(10_000_005);
    }

    @Test
    void savesTheScheduleWithTheDraftAsItsNewestVersionAsATariffFileThatChecksValid() throws Exception {
        VersionDraft draft = new VersionDraft(SCHEDULE, JULY);
        draft.blocks.get(1).price.set("26.50");
        draft.charges.remove(0);

        TariffSchedule read = TariffFile.parse(TariffFile.write(draft.scheduleWithDraft()));

        assertThat(TariffValidator.problems(read)).isEmpty();
        assertThat(read.versions()).hasSize(2);
        assertThat(read.versions().get(0)).isEqualTo(SCHEDULE.versions().get(0));
        assertThat(read.versions().get(1).blocks().get(1).price()).isEqualTo(26_500_000);
        assertThat(read.versions().get(1).charges()).isEmpty();
    }
}
