package io.gridside.site.tariff;

/**
 * A tax or levy line charged with the energy: a percentage of the energy charge, or a price per kWh.
 *
 * @param name the line's name on a statement, such as "VAT"; unique within a version
 * @param kind {@code TAX} or {@code LEVY}
 * @param basisPoints the percentage of the energy charge in hundredths of a percent (16% is 1,600); null for a
 *     per-kWh line
 * @param price ten-thousandths of a minor unit per kWh (see {@link Prices}); null for a percentage line
 */
public record ChargeLine(String name, Kind kind, Long basisPoints, Long price) {

    /** What a charge line is, which is also the kind of its ledger entries. */
    public enum Kind {
        TAX,
        LEVY
    }
}
