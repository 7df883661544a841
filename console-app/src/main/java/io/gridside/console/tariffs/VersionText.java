package io.gridside.console.tariffs;

import io.gridside.console.I18n;
import io.gridside.console.service.TariffPreview;
import io.gridside.console.service.TariffUnits;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.StandingCharge;
import io.gridside.site.tariff.TariffVersion;
import io.gridside.site.tariff.TouBand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A tariff version's lines, and a preview row's name, as a technician reads them: money in the currency. */
final class VersionText {

    private VersionText() {
    }

    /** Each line of {@code version}: the blocks, each band, the standing charge, the minimum, each tax and levy. */
    static List<String> lines(TariffVersion version, String currency) {
        List<String> lines = new ArrayList<>();
        lines.add(I18n.text("tariffs.line.energy", blocks(version, currency)));
        for (TouBand band : version.tou()) {
            lines.add(I18n.text("tariffs.line.band", day(band), band.from(), band.to(),
                    money(TariffUnits.price(band.price(), currency), currency)));
        }
        StandingCharge standing = version.standing();
        if (standing != null && standing.period() == Period.DAILY) {
            lines.add(I18n.text("tariffs.line.standingDaily", amount(standing.amountMinor(), currency)));
        } else if (standing != null) {
            lines.add(I18n.text("tariffs.line.standingMonthly", amount(standing.amountMinor(), currency),
                    standing.dueDay()));
        }
        if (version.minimumMonthlyMinor() != null) {
            lines.add(I18n.text("tariffs.line.minimum", amount(version.minimumMonthlyMinor(), currency)));
        }
        for (ChargeLine line : version.charges()) {
            String kind = I18n.text("tariffs.kind." + line.kind());
            lines.add(line.basisPoints() != null
                    ? I18n.text("tariffs.line.percent", kind, line.name(), TariffUnits.percent(line.basisPoints()))
                    : I18n.text("tariffs.line.perKwh", kind, line.name(),
                            money(TariffUnits.price(line.price(), currency), currency)));
        }
        if (version.lifelinePowerLimitWatts() != null) {
            lines.add(I18n.text("tariffs.line.powerLimit", version.lifelinePowerLimitWatts()));
        }
        return lines;
    }

    private static String blocks(TariffVersion version, String currency) {
        List<String> parts = new ArrayList<>();
        for (Block block : version.blocks()) {
            String price = money(TariffUnits.price(block.price(), currency), currency);
            String part = block.upToWh() == null ? I18n.text("tariffs.block.open", price)
                    : I18n.text("tariffs.block.upTo", price, TariffUnits.kwh(block.upToWh()));
            parts.add(block.lifeline() ? part + " " + I18n.text("tariffs.block.lifeline") : part);
        }
        String joined = String.join(I18n.text("tariffs.block.then"), parts);
        return version.blockReset() == null ? joined
                : joined + I18n.text("tariffs.block.reset." + version.blockReset());
    }

    /** The line of a preview row: an energy part by block and band, or the bill's line. */
    static String rowName(TariffPreview.Row row) {
        return switch (row.kind()) {
            case ENERGY_PART -> part(row);
            case ENERGY -> I18n.text("tariffs.row.energy");
            case STANDING -> I18n.text("tariffs.row.standing");
            case MINIMUM -> I18n.text("tariffs.row.minimum");
            case TAX, LEVY -> I18n.text("tariffs.kind." + row.kind()) + " " + row.name();
            case TOTAL -> I18n.text("tariffs.row.total");
        };
    }

    private static String part(TariffPreview.Row row) {
        String name = I18n.text("tariffs.row.block", row.block() + 1);
        if (Boolean.TRUE.equals(row.lifeline())) {
            name += " " + I18n.text("tariffs.block.lifeline");
        }
        if (row.band() != null) {
            name += ", " + day(row.band()) + " " + row.band().from() + "\u2013" + row.band().to();
        }
        return name;
    }

    private static String day(TouBand band) {
        return band.day() == null ? "?" : I18n.text("tariffs.day." + band.day().name().toLowerCase(Locale.ROOT));
    }

    static String money(String decimal, String currency) {
        return currency + " " + decimal;
    }

    static String amount(long minor, String currency) {
        return money(TariffUnits.amount(minor, currency), currency);
    }
}
