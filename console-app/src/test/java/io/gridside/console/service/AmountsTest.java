package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void aTypedAmountIsTakenExactlyInMinorUnits() {
        assertThat(Amounts.parseMinor("499.50", "KES")).isEqualTo(49_950);
        assertThat(Amounts.parseMinor("500", "KES")).isEqualTo(50_000);
        assertThat(Amounts.parseMinor(" 0.07 ", "KES")).isEqualTo(7);
        assertThat(Amounts.parseMinor("1500", "UGX")).as("a currency without decimals").isEqualTo(1_500);
        assertThat(Amounts.parseMinor("100000000", "KES")).as("the largest payment").isEqualTo(10_000_000_000L);
    }

    @Test
    void eachWrongAmountIsRefusedInWordsThatSayWhatIsWrong() {
        assertThatThrownBy(() -> Amounts.parseMinor("-5", "KES")).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> Amounts.parseMinor("1,000", "KES"))
                .hasMessageContaining("digits and at most one point");
        assertThatThrownBy(() -> Amounts.parseMinor("1e3", "KES")).hasMessageContaining("'1e3' is not");
        assertThatThrownBy(() -> Amounts.parseMinor("", "KES")).hasMessageContaining("'' is not");
        assertThatThrownBy(() -> Amounts.parseMinor("10.005", "KES")).hasMessageContaining("at most 2 decimals");
        assertThatThrownBy(() -> Amounts.parseMinor("5.5", "UGX")).hasMessageContaining("at most 0 decimals");
        assertThatThrownBy(() -> Amounts.parseMinor("100000000.01", "KES"))
                .hasMessageContaining("at most KES 100,000,000.00");
        assertThatThrownBy(() -> Amounts.parseMinor("99999999999999999999999", "KES"))
                .as("too large for a long is still named as too large, not as not a number")
                .hasMessageContaining("at most KES");
    }

    @Test
    void aPaymentIsMoreThanNothing() {
        assertThat(Amounts.parse(" 500 ", "KES")).isEqualTo(50_000);
        assertThat(Amounts.parse("1.500", "KES")).as("trailing zeros are no extra precision").isEqualTo(150);
        assertThatThrownBy(() -> Amounts.parse("0.00", "KES")).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> Amounts.parse("-5", "KES")).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> Amounts.parse(null, "KES")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAmountTypedOnAScreenInALanguageWithADecimalCommaIsReadAsItIsWritten() {
        Locale french = Locale.FRENCH;
        Locale portuguese = new Locale("pt", "PT");

        assertThat(Amounts.parseTyped("499,50", "KES", french)).isEqualTo(49_950);
        assertThat(Amounts.parseTyped("1\u202f453,82", "KES", french)).isEqualTo(145_382);
        assertThat(Amounts.parseTyped("1 453,82", "KES", french)).isEqualTo(145_382);
        assertThat(Amounts.parseTyped("1.453,82", "KES", portuguese)).isEqualTo(145_382);
        assertThat(Amounts.parseTyped("499.50", "KES", french)).isEqualTo(49_950);
        assertThatThrownBy(() -> Amounts.parseTyped("499,50", "KES", Locale.ENGLISH))
                .hasMessageContaining("at most one point");
        assertThatThrownBy(() -> Amounts.parseTyped("14,53,82", "KES", french))
                .hasMessageContaining("at most one point");
        assertThatThrownBy(() -> Amounts.parseTyped("1,005", "KES", french)).hasMessageContaining("at most 2");
    }
}
