package io.gridside.site.tariff;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A time-of-use band: on days of type {@code day}, from {@code from} to {@code to} local time, energy outside a
 * lifeline block costs {@code price} on top of its block's price.
 *
 * @param from the band's start, "HH:MM" on the quarter hour
 * @param to the band's end, "HH:MM" on the quarter hour, "24:00" for the end of the day
 * @param price ten-thousandths of a minor unit per kWh added to the block's price (see {@link Prices})
 */
public record TouBand(DayType day, String from, String to, @JsonProperty(required = true) long price) {

    /** The quarter hour of the day that "HH:MM" names, from 0 to 96; -1 when it names none. */
    public static int quarterOf(String time) {
        if (time == null || !time.matches("\\d\\d:\\d\\d")) {
            return -1;
        }
        int hours = Integer.parseInt(time.substring(0, 2));
        int minutes = Integer.parseInt(time.substring(3));
        if (minutes % 15 != 0 || minutes > 45 || hours > 24 || hours == 24 && minutes != 0) {
            return -1;
        }
        return hours * 4 + minutes / 15;
    }
}
