package io.gridside.site.tariff;

import io.gridside.site.InvalidValueException;
import io.gridside.site.Tariff;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A tariff as the schedule of its versions, oldest first; a version is never changed, a new one is added.
 *
 * @param currency the ISO 4217 code every version prices in
 */
public record TariffSchedule(String tariffId, String currency, List<TariffVersion> versions) {

    /** Early enough to be in force at any reading a site can hold. */
    private static final LocalDateTime ALWAYS = LocalDateTime.of(1970, 1, 1, 0, 0);

    public TariffSchedule {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /** The flat tariff the site reply carries, as one version in force since always. */
    public static TariffSchedule flat(Tariff tariff) {
        TariffVersion version = new TariffVersion(ALWAYS, tariff.currency(),
                List.of(new Block(null, Prices.ofMinorPerKwh(tariff.energyMinorPerKwh()), false)), null, List.of(),
                new StandingCharge(Period.DAILY, tariff.standingMinorPerDay(), null), null, List.of(), null);
        return new TariffSchedule(tariff.tariffId(), tariff.currency(), List.of(version));
    }

    /** This schedule, or an {@link InvalidTariffException} naming every problem found. */
    public TariffSchedule validated() {
        List<TariffProblem> problems = TariffValidator.problems(this);
        if (!problems.isEmpty()) {
            throw new InvalidTariffException(problems);
        }
        return this;
    }

    /** The version in force at {@code localTime}, the site's local time. */
    public TariffVersion versionAt(LocalDateTime localTime) {
        TariffVersion inForce = null;
        for (TariffVersion version : versions) {
            if (version.effectiveFrom().isAfter(localTime)) {
                break;
            }
            inForce = version;
        }
        if (inForce == null) {
            throw new InvalidValueException("tariff.notInForce", "Tariff " + tariffId + " has no version in force at "
                    + localTime + "; its first begins " + versions.get(0).effectiveFrom() + ".", tariffId,
                    localTime.toString(), versions.get(0).effectiveFrom().toString());
        }
        return inForce;
    }
}
