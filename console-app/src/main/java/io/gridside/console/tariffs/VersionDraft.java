package io.gridside.console.tariffs;

import io.gridside.console.Failures;
import io.gridside.console.I18n;
import io.gridside.console.service.TariffUnits;
import io.gridside.console.tariffs.DraftRows.BandRow;
import io.gridside.console.tariffs.DraftRows.BlockRow;
import io.gridside.console.tariffs.DraftRows.ChargeRow;
import io.gridside.site.InvalidValueException;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.StandingCharge;
import io.gridside.site.tariff.TariffProblem;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffValidator;
import io.gridside.site.tariff.TariffVersion;
import io.gridside.site.tariff.TouBand;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The next version of the site's tariff as the technician types it: every field as text, checked on each edit by
 * the tariff's own validation (the one {@code bill tariff-check} runs) as the schedule's newest version, each
 * problem shown beside the field it names. A figure that is not a number is refused beside its field first.
 */
final class VersionDraft {

    /** A problem's field inside the draft: the list, the row, and what follows, as in {@code .tou[2].to}. */
    /** Where a field's name is among the console's texts: {@code tariff.field.NAME}, in lower case. */
    private static final String FIELD = "tariff.field.";
    private static final Pattern ROW_FIELD = Pattern.compile("^\\.(blocks|tou|charges)\\[(\\d+)](?:\\.(.+))?$");

    private final TariffSchedule schedule;
    private final String currency;
    final StringProperty effectiveFrom = new SimpleStringProperty("");
    final ObjectProperty<Period> blockReset = new SimpleObjectProperty<>();
    final ObservableList<BlockRow> blocks = FXCollections.observableArrayList(BlockRow::fields);
    final ObservableList<BandRow> bands = FXCollections.observableArrayList(BandRow::fields);
    final ObjectProperty<Period> standingPeriod = new SimpleObjectProperty<>();
    final StringProperty standingAmount = new SimpleStringProperty("");
    final StringProperty dueDay = new SimpleStringProperty("");
    final StringProperty minimum = new SimpleStringProperty("");
    final ObservableList<ChargeRow> charges = FXCollections.observableArrayList(ChargeRow::fields);
    final StringProperty powerLimit = new SimpleStringProperty("");

    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final ObjectProperty<TariffVersion> version = new SimpleObjectProperty<>();
    private final IntegerProperty problemCount = new SimpleIntegerProperty();
    /** How many fields the last check found not to be figures at all. */
    private int unreadable;

    /** A draft of the version after {@code schedule}'s newest, starting as a copy of it, from {@code from}. */
    VersionDraft(TariffSchedule schedule, LocalDateTime from) {
        this.schedule = schedule;
        this.currency = schedule.currency();
        for (String field : List.of("effectiveFrom", "blockReset", "blocks", "tou", "standing", "minimum",
                "powerLimit", "other")) {
            errors.put(field, new SimpleStringProperty(""));
        }
        copy(schedule.versions().get(schedule.versions().size() - 1), from);
        for (Observable field : List.of(effectiveFrom, blockReset, blocks, bands, standingPeriod, standingAmount,
                dueDay, minimum, charges, powerLimit)) {
            field.addListener(changed -> validate());
        }
        validate();
    }

    private void copy(TariffVersion current, LocalDateTime from) {
        effectiveFrom.set(from.toString());
        blockReset.set(current.blockReset());
        current.blocks().forEach(block -> blocks.add(blockRow(block)));
        current.tou().forEach(band -> bands.add(bandRow(band)));
        if (current.standing() != null) {
            standingPeriod.set(current.standing().period());
            standingAmount.set(TariffUnits.amount(current.standing().amountMinor(), currency));
            dueDay.set(current.standing().dueDay() == null ? "" : current.standing().dueDay().toString());
        }
        minimum.set(current.minimumMonthlyMinor() == null ? ""
                : TariffUnits.amount(current.minimumMonthlyMinor(), currency));
        current.charges().forEach(line -> charges.add(chargeRow(line)));
        powerLimit.set(current.lifelinePowerLimitWatts() == null ? "" : current.lifelinePowerLimitWatts().toString());
    }

    private BlockRow blockRow(Block block) {
        BlockRow row = new BlockRow();
        row.upToKwh.set(block.upToWh() == null ? "" : TariffUnits.kwh(block.upToWh()));
        row.price.set(TariffUnits.price(block.price(), currency));
        row.lifeline.set(block.lifeline());
        return row;
    }

    private BandRow bandRow(TouBand band) {
        BandRow row = new BandRow();
        row.day.set(band.day());
        row.from.set(band.from());
        row.to.set(band.to());
        row.price.set(TariffUnits.price(band.price(), currency));
        return row;
    }

    private ChargeRow chargeRow(ChargeLine line) {
        ChargeRow row = new ChargeRow();
        row.name.set(line.name());
        row.kind.set(line.kind());
        row.percent.set(line.basisPoints() == null ? "" : TariffUnits.percent(line.basisPoints()));
        row.price.set(line.price() == null ? "" : TariffUnits.price(line.price(), currency));
        return row;
    }

    String currency() {
        return currency;
    }

    /** The draft as a valid version, or null while any field has a problem. */
    ObjectProperty<TariffVersion> versionProperty() {
        return version;
    }

    /** The site's schedule with the draft as its newest version, or null while the draft has a problem. */
    TariffSchedule scheduleWithDraft() {
        TariffVersion draft = version.get();
        return draft == null ? null : withDraft(draft);
    }

    /** How many problems the draft has; 0 when it can be saved. */
    IntegerProperty problemCountProperty() {
        return problemCount;
    }

    /**
     * The problem of a part of the draft that is not a row: {@code effectiveFrom}, {@code blockReset},
     * {@code blocks}, {@code tou}, {@code standing}, {@code minimum}, {@code powerLimit} or {@code other}.
     */
    StringProperty error(String part) {
        return errors.get(part);
    }

    /** Checks every field again, and shows each problem beside its field. */
    void validate() {
        errors.values().forEach(error -> error.set(""));
        List<DraftRows.Row> rows = new ArrayList<>(blocks);
        rows.addAll(bands);
        rows.addAll(charges);
        rows.forEach(row -> row.errorProperty().set(""));
        unreadable = 0;

        TariffVersion draft = build();
        int count = unreadable;
        if (draft != null) {
            List<TariffProblem> problems = TariffValidator.problems(withDraft(draft));
            problems.forEach(this::show);
            count = problems.size();
        }
        problemCount.set(count);
        version.set(count == 0 ? draft : null);
    }

    private TariffSchedule withDraft(TariffVersion draft) {
        List<TariffVersion> versions = new ArrayList<>(schedule.versions());
        versions.add(draft);
        return new TariffSchedule(schedule.tariffId(), currency, versions);
    }

    /** The draft as a version, or null when a field is not a figure at all. */
    private TariffVersion build() {
        LocalDateTime from = parse(errors.get("effectiveFrom"), "", () -> localTime(effectiveFrom.get()));
        List<Block> builtBlocks = new ArrayList<>();
        for (BlockRow row : blocks) {
            Long upTo = parse(row.errorProperty(), "upTo", () -> optional(row.upToKwh.get(), TariffUnits::parseKwh));
            Long price = parse(row.errorProperty(), "price", () -> TariffUnits.parsePrice(row.price.get(), currency));
            builtBlocks.add(new Block(upTo, price == null ? 0 : price, row.lifeline.get()));
        }
        List<TouBand> builtBands = new ArrayList<>();
        for (BandRow row : bands) {
            Long price = parse(row.errorProperty(), "price", () -> TariffUnits.parsePrice(row.price.get(), currency));
            builtBands.add(new TouBand(row.day.get(), row.from.get(), row.to.get(), price == null ? 0 : price));
        }
        List<ChargeLine> builtCharges = new ArrayList<>();
        for (ChargeRow row : charges) {
            Long percent = parse(row.errorProperty(), "percent", () -> optional(row.percent.get(),
                    TariffUnits::parsePercent));
            Long price = parse(row.errorProperty(), "price", () -> optional(row.price.get(),
                    text -> TariffUnits.parsePrice(text, currency)));
            builtCharges.add(new ChargeLine(row.name.get().strip(), row.kind.get(), percent, price));
        }
        StandingCharge standing = standing();
        Long minimumMinor = parse(errors.get("minimum"), "", () -> optional(minimum.get(),
                text -> TariffUnits.parseAmount(text, currency)));
        Long limit = parse(errors.get("powerLimit"), "", () -> optional(powerLimit.get(),
                text -> TariffUnits.parseWhole(text, "250")));
        if (unreadable > 0) {
            return null;
        }
        return new TariffVersion(from, currency, builtBlocks, blockReset.get(), builtBands, standing, minimumMinor,
                builtCharges, limit == null ? null : (int) Math.min(limit, Integer.MAX_VALUE));
    }

    private StandingCharge standing() {
        if (standingPeriod.get() == null) {
            return null;
        }
        StringProperty error = errors.get("standing");
        Long amount = parse(error, "amount", () -> TariffUnits.parseAmount(standingAmount.get(), currency));
        Long day = parse(error, "due day", () -> optional(dueDay.get(), text -> TariffUnits.parseWhole(text, "1")));
        return new StandingCharge(standingPeriod.get(), amount == null ? 0 : amount,
                day == null ? null : (int) Math.min(day, Integer.MAX_VALUE));
    }

    private <T> T parse(StringProperty error, String field, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            unreadable++;
            append(error, field, Failures.words(e));
            return null;
        }
    }

    private static LocalDateTime localTime(String text) {
        try {
            return LocalDateTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            InvalidValueException refused = new InvalidValueException("tariff.time.local",
                    "must be a local time such as 2026-07-01T00:00, was " + text, text);
            refused.initCause(e);
            throw refused;
        }
    }

    private static Long optional(String text, ToLongFunction<String> parse) {
        return text == null || text.isBlank() ? null : parse.applyAsLong(text);
    }

    /** Shows a problem of the schedule beside the draft's field it names; another version's goes to "other". */
    private void show(TariffProblem problem) {
        String prefix = "versions[" + schedule.versions().size() + "]";
        if (!problem.field().startsWith(prefix)) {
            append(errors.get("other"), problem.field(), Failures.worded(problem, problem.message()));
            return;
        }
        String field = problem.field().substring(prefix.length());
        Matcher row = ROW_FIELD.matcher(field);
        if (row.matches()) {
            List<? extends DraftRows.Row> rows = switch (row.group(1)) {
                case "blocks" -> blocks;
                case "tou" -> bands;
                default -> charges;
            };
            append(rows.get(Integer.parseInt(row.group(2))).errorProperty(), row.group(3),
                    Failures.worded(problem, problem.message()));
            return;
        }
        String part = switch (field.isEmpty() ? "" : field.substring(1).split("\\.")[0]) {
            case "effectiveFrom", "blockReset", "blocks", "tou", "standing" -> field.substring(1).split("\\.")[0];
            case "minimumMonthlyMinor" -> "minimum";
            case "lifelinePowerLimitWatts" -> "powerLimit";
            default -> "other";
        };
        String detail = field.startsWith(".standing.") ? field.substring(field.lastIndexOf('.') + 1) : null;
        append(errors.get(part), part.equals("other") ? problem.field() : detail,
                Failures.worded(problem, problem.message()));
    }

    /**
     * Adds a problem's line to {@code error}: {@code field}'s name first, worded in any language but English from
     * {@code tariff.field.NAME} where it has a name there (a path into another version stays as it is).
     */
    private static void append(StringProperty error, String field, String message) {
        String key = field == null ? "" : FIELD + field.replace(" ", "").toLowerCase(Locale.ROOT);
        String name = !Locale.ENGLISH.equals(I18n.locale()) && I18n.has(key) ? I18n.text(key) : field;
        String line = name == null || name.isEmpty() ? message : name + ": " + message;
        error.set(error.get().isEmpty() ? line : error.get() + "\n" + line);
    }
}
