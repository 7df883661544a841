package io.gridside.site.commission;

import io.gridside.site.InvalidValueException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A site as the technician creates it before it has ever been online: who runs it, what it bills in, the clock and
 * the days it keeps, and where it is.
 *
 * @param siteId    the site's identifier, as the operator issued it
 * @param name      the site's name as people say it
 * @param operator  the operator that runs the site
 * @param currency  ISO 4217 code of the site's currency
 * @param zone      the site's time zone: what a person types or reads is in it
 * @param holidays  public holidays, billed on the tariff's holiday prices where it has them; sorted, no repeats
 * @param latitude  the gateway's latitude in degrees
 * @param longitude the gateway's longitude in degrees
 */
public record SitePlan(String siteId, String name, String operator, String currency, ZoneId zone,
        List<LocalDate> holidays, double latitude, double longitude) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public SitePlan {
        Objects.requireNonNull(siteId, "siteId");
        if (!ID.matcher(siteId).matches()) {
            throw new InvalidValueException("site.id", "A site id is 1 to 64 letters, digits, '.', '_', ':' or '-', "
                    + "beginning with a letter or digit: " + siteId, siteId);
        }
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("site.name", "A site needs a name");
        }
        if (operator == null || operator.isBlank()) {
            throw new InvalidValueException("site.operator", "A site needs the name of its operator");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches() || !knownCurrency(currency)) {
            throw new InvalidValueException("site.currency", "A currency is a three-letter ISO 4217 code such as KES: "
                    + currency, String.valueOf(currency));
        }
        Objects.requireNonNull(zone, "zone");
        holidays = List.copyOf(holidays);
        for (int i = 1; i < holidays.size(); i++) {
            if (!holidays.get(i - 1).isBefore(holidays.get(i))) {
                throw new InvalidValueException("site.holidays", "Holidays are listed once each, in order: "
                        + holidays.get(i), holidays.get(i).toString());
            }
        }
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new InvalidValueException("site.location", "A location is a latitude from -90 to 90 and a longitude "
                    + "from -180 to 180 degrees: " + latitude + ", " + longitude, latitude, longitude);
        }
    }

    /** Whether ISO 4217 lists {@code code}: a plausible but unknown code such as KSH would fail later, at a load. */
    private static boolean knownCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
