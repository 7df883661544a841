package io.gridside.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Minor units become the amounts people read, with as many decimals as the currency has. */
class CurrenciesTest {

    @ParameterizedTest
    @CsvSource({"KES, 2", "TZS, 2", "UGX, 0", "JPY, 0", "BHD, 3"})
    void exponentIsTheCurrencysNumberOfMinorDigits(String currency, int digits) {
        assertThat(Currencies.exponent(currency)).isEqualTo(digits);
    }

    @Test
    void currencyWithoutMinorUnitsCountsAsWholeUnits() {
        // The JDK answers -1 for codes such as XXX; as a scale, -1 would read 1234 minor units as 12340.
        assertThat(Currencies.exponent("XXX")).isZero();
        assertThat(Currencies.toDecimal(1_234, "XXX").toPlainString()).isEqualTo("1234");
    }

    @ParameterizedTest
    @CsvSource({
        "123456, KES, 1234.56",
        "5, KES, 0.05",
        "100, KES, 1.00",
        "-150, KES, -1.50",
        "0, KES, 0.00",
        "123456, UGX, 123456",
        "-700, UGX, -700",
        "1500, JPY, 1500",
        "1234, BHD, 1.234"})
    void toDecimalPlacesThePointByTheCurrencysExponent(long minor, String currency, String decimal) {
        assertThat(Currencies.toDecimal(minor, currency).toPlainString()).isEqualTo(decimal);
    }

    @Test
    void toDecimalKeepsTheScaleOfTheCurrency() {
        assertThat(Currencies.toDecimal(100, "KES").scale()).isEqualTo(2);
        assertThat(Currencies.toDecimal(100, "UGX").scale()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "490000, KES, 'KES 4,900.00'",
        "5, KES, 'KES 0.05'",
        "-123456789, KES, 'KES -1,234,567.89'",
        "1500000, UGX, 'UGX 1,500,000'",
        "1234, BHD, 'BHD 1.234'"})
    void writtenGroupsThousandsAndKeepsTheCurrencysDecimals(long minor, String currency, String written) {
        assertThat(Currencies.written(minor, currency)).isEqualTo(written);
    }

    @Test
    void rejectsAnUnknownCurrency() {
        assertThatIllegalArgumentException().isThrownBy(() -> Currencies.exponent("KSH"));
    }
}
