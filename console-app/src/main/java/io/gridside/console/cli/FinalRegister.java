package io.gridside.console.cli;

import io.gridside.billing.vee.MeterRating;
import io.gridside.console.Formats;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A final register typed at a meter exchange or a move-out, against what the meter could plausibly have passed
 * since the gateway last billed it (decision 0037). The gateway refuses only what the meter's rating makes
 * impossible; a slip of a few kWh fits under that, so the console bounds the register more tightly before it
 * sends it: by the customer's own peak power of the six hours before the last reading, half as much again, never less
 * than a kettle's {@value #FLOOR_WATTS} W and never more than the rating, over the time since the last reading and
 * a quarter hour more. A register above the bound is sent only when the technician repeats it.
 *
 * @param meterId the meter the register was read from
 * @param lastReadingAt the end of the last reading the gateway billed, or null if it billed none yet
 * @param billedWh the register the gateway billed the meter to
 * @param typedWh the register typed
 * @param peakWatts the customer's highest power in the six hours before the last reading, 0 if none was reported
 * @param boundWatts the power the bound allows
 * @param limitWh the most energy the bound allows since the last reading; -1 when no reading was billed yet
 */
record FinalRegister(String meterId, Instant lastReadingAt, long billedWh, long typedWh, long peakWatts,
        long boundWatts, long limitWh) {

    /** The least power the bound allows: a kettle's, which any household may switch on for the first time. */
    static final long FLOOR_WATTS = 3_000;

    /**
     * How far back the customer's peak power is looked for: long enough to hold a household's evening, short
     * enough that the readings it pulls stay a small part of a serial link's hour even from a gateway that sends
     * every meter's (see {@link #check}).
     */
    static final Duration PEAK_WINDOW = Duration.ofHours(6);

    private static final long INTERVALS_PER_HOUR = Duration.ofHours(1).dividedBy(Reading.INTERVAL);

    /** The code of a register above the bound that the technician did not repeat. */
    static final String UNCONFIRMED = "REGISTER_UNCONFIRMED";

    /**
     * The check of {@code typedWh} against the meter's status at the gateway, or empty when the gateway bills no
     * meter that {@code status} picks (the gateway's own refusal then says why).
     *
     * <p>The meter's readings of the window are asked for by its id (decision 0041). Shortcoming: a gateway that
     * does not list {@code readings-by-meter} still streams every meter's, which on a site of thousands of meters
     * over a serial cable takes minutes.
     */
    static Optional<FinalRegister> check(GatewayClient client, Predicate<MeterStatus> status, long typedWh)
            throws LinkException {
        Optional<MeterStatus> found = client.meterStatus().stream().filter(status).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MeterStatus meter = found.get();
        Instant last = meter.lastReadingAt();
        if (last == null) {
            return Optional.of(new FinalRegister(meter.meterId(), null, meter.registerWh(), typedWh, 0, 0, -1));
        }
        long peak = peakWatts(client, meter.meterId(), last);
        long maxWatts = MeterRating.DEFAULT.maxWatts();
        long watts = Math.min(maxWatts, Math.max(FLOOR_WATTS, peak * 3 / 2));
        Duration since = Duration.between(last, client.hello().clock()).plus(Reading.INTERVAL);
        long limit = since.isNegative() ? 0 : watts * since.toSeconds() / 3_600 + 1;
        return Optional.of(new FinalRegister(meter.meterId(), last, meter.registerWh(), typedWh, peak, watts, limit));
    }

    /** The highest power the meter reported, or its readings imply, in the window before {@code last}. */
    private static long peakWatts(GatewayClient client, String meterId, Instant last) throws LinkException {
        long[] peak = {0};
        client.readings(meterId, last.minus(PEAK_WINDOW), last, (batch, received, total) -> batch
                .forEach(r -> peak[0] = Math.max(peak[0], Math.max(r.quality() == null ? 0 : r.quality().peakWatts(),
                        r.energyWh() * INTERVALS_PER_HOUR))), CancelSignal.NEVER);
        return peak[0];
    }

    /** The energy the typed register implies since the last reading billed; negative when it is below it. */
    long impliedWh() {
        return typedWh - billedWh;
    }

    /** Whether the register fits the bound, or there is no bound to fit, before the meter's first reading. */
    boolean plausible() {
        return limitWh < 0 || impliedWh() <= limitWh;
    }

    /** One sentence: what the register implies, and the bound. */
    String line(ZoneId zone) {
        if (lastReadingAt == null) {
            return String.format(Locale.ROOT, "Meter %s has no reading billed yet; the register typed, %s, implies "
                    + "%s since its register of %s.", meterId, FieldOptions.kwh(typedWh), energy(impliedWh()),
                    FieldOptions.kwh(billedWh));
        }
        return String.format(Locale.ROOT, "Meter %s was last billed to %s at %s; the register typed, %s, implies %s "
                + "since then (plausible: up to %s, at %s).", meterId, FieldOptions.kwh(billedWh),
                Formats.siteTime(lastReadingAt, zone), FieldOptions.kwh(typedWh), energy(impliedWh()),
                FieldOptions.kwh(limitWh), power());
    }

    /** Why the register was not sent, and what to do: read again, or repeat the figure. */
    String refusal(ZoneId zone, String confirmOption) {
        return String.format(Locale.ROOT, "The register typed, %s, implies %s since meter %s's last reading at %s, "
                + "more than the %s it could plausibly have passed (%s); read the display again, or, if the figure "
                + "is right, repeat it with %s %s [%s]", FieldOptions.kwh(typedWh), energy(impliedWh()), meterId,
                Formats.siteTime(lastReadingAt, zone), FieldOptions.kwh(limitWh), power(), confirmOption,
                FieldOptions.kwh(typedWh).replace(" kWh", ""), UNCONFIRMED);
    }

    /** The check's figures for a command's JSON. */
    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("meterId", meterId);
        fields.put("lastReadingAt", lastReadingAt);
        fields.put("billedRegisterWh", billedWh);
        fields.put("typedRegisterWh", typedWh);
        fields.put("impliedEnergyWh", impliedWh());
        fields.put("plausibleLimitWh", limitWh < 0 ? null : limitWh);
        fields.put("peakWatts", peakWatts);
        fields.put("boundWatts", boundWatts);
        return fields;
    }

    private static String energy(long wattHours) {
        return wattHours < 0 ? "-" + FieldOptions.kwh(-wattHours) : FieldOptions.kwh(wattHours);
    }

    private String power() {
        String kw = String.format(Locale.ROOT, "%.1f kW", boundWatts / 1000.0);
        if (boundWatts == MeterRating.DEFAULT.maxWatts()) {
            return kw + ", the meter's rating";
        }
        if (boundWatts == FLOOR_WATTS) {
            return kw + String.format(Locale.ROOT, ", the floor; the customer's peak in the six hours before was "
                    + "%.1f kW", peakWatts / 1000.0);
        }
        return kw + String.format(Locale.ROOT, ", half as much again as the customer's peak of %.1f kW",
                peakWatts / 1000.0);
    }
}
