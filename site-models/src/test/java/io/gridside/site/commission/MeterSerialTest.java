package io.gridside.site.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Serials with a check digit, read from what a barcode scanner acting as a keyboard types. */
class MeterSerialTest {

    @Test
    void makesTheLuhnDigitOverLettersAsTwoDigits() {
        // G is 16 and S is 28: the digits 1628 00420001, doubled from the right, sum to 23, so the digit is 7.
        assertThat(MeterSerial.of("GS", 420_001)).isEqualTo("GS004200017");
        assertThat(MeterSerial.isValid("GS004200017")).isTrue();
    }

    @Test
    void readsCode128TextWithTheScannersEnterAndSeparators() {
        assertThat(MeterSerial.fromScan("GS004200017\r\n")).isEqualTo("GS004200017");
        assertThat(MeterSerial.fromScan(" gs-0042-0001-7\t")).isEqualTo("GS004200017");
        assertThat(MeterSerial.fromScan("]C0GS004200017")).isEqualTo("GS004200017");
    }

    @Test
    void readsTheSerialOfAQrUriOrKeyValueText() {
        assertThat(MeterSerial.fromScan("gridside:meter?hw=mtr-r2&serial=GS004200017")).isEqualTo("GS004200017");
        assertThat(MeterSerial.fromScan("]Q1maker=Gridside\nserial=GS004200017\nphases=1"))
                .isEqualTo("GS004200017");
        assertThat(MeterSerial.fromScan("hw=mtr-r2;serial=GS%2D004200017")).isEqualTo("GS004200017");
    }

    @Test
    void refusesAMistypedDigitWithTheCheckDigitCode() {
        assertThatThrownBy(() -> MeterSerial.fromScan("GS004300017"))
                .isInstanceOfSatisfying(CommissionRefusal.class,
                        e -> assertThat(e.code()).isEqualTo(CommissionRefusal.SERIAL_CHECK_DIGIT))
                .hasMessageContaining("GS004300017").hasMessageContaining("check digit");
    }

    @Test
    void refusesTextThatIsNoSerialAndAQrWithoutOne() {
        assertThatThrownBy(() -> MeterSerial.fromScan("GS00420001"))
                .isInstanceOfSatisfying(CommissionRefusal.class,
                        e -> assertThat(e.code()).isEqualTo(CommissionRefusal.SERIAL_MALFORMED))
                .hasMessageContaining("two letters and nine digits");
        assertThatThrownBy(() -> MeterSerial.fromScan("gridside:meter?hw=mtr-r2"))
                .isInstanceOfSatisfying(CommissionRefusal.class,
                        e -> assertThat(e.code()).isEqualTo(CommissionRefusal.SERIAL_MALFORMED))
                .hasMessageContaining("holds no serial");
    }

    @Property
    void everyChangeOfOneDigitIsCaught(@ForAll @LongRange(max = 99_999_999L) long number,
            @ForAll @IntRange(min = 2, max = 10) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] typed = MeterSerial.of("GS", number).toCharArray();
        typed[position] = (char) ('0' + (typed[position] - '0' + shift) % 10);

        assertThat(MeterSerial.isValid(new String(typed))).isFalse();
    }

    @Test
    void catchesMostButNotAllChangesOfALetter() {
        // One decimal digit cannot tell 26 letters apart: G (16) and L (21) add the same to the Luhn sum here.
        String serial = MeterSerial.of("GS", 0);
        int caught = 0;
        for (char letter = 'A'; letter <= 'Z'; letter++) {
            if (letter != 'G' && !MeterSerial.isValid(letter + serial.substring(1))) {
                caught++;
            }
        }

        assertThat(MeterSerial.isValid("LS" + serial.substring(2))).isTrue();
        assertThat(caught).isBetween(20, 24);
    }

    @Property
    void catchesSwapsOfNeighbouringDigitsButZeroAndNine(@ForAll("numbers") long number,
            @ForAll @IntRange(min = 2, max = 9) int position) {
        String serial = MeterSerial.of("KE", number);
        char[] typed = serial.toCharArray();
        char a = typed[position];
        char b = typed[position + 1];
        typed[position] = b;
        typed[position + 1] = a;
        boolean blind = a == b || (a == '0' && b == '9') || (a == '9' && b == '0');
        assertThat(MeterSerial.isValid(new String(typed))).isEqualTo(blind);
    }

    @Provide
    Arbitrary<Long> numbers() {
        return Arbitraries.longs().between(0, 99_999_999L);
    }
}
