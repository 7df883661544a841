package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void parsesAPlainAmountIntoMinorUnitsExactly() {
        assertThat(Amounts.parse("499.50", "KES")).isEqualTo(49_950);
        assertThat(Amounts.parse(" 500 ", "KES")).isEqualTo(50_000);
        assertThat(Amounts.parse("0.10", "KES")).isEqualTo(10);
        assertThat(Amounts.parse("1.500", "KES")).as("trailing zeros are no extra precision").isEqualTo(150);
        assertThat(Amounts.parse("1200", "UGX")).as("a currency without minor units").isEqualTo(1_200);
    }

    @Test
    void refusesWhatIsNotAPlainPositiveAmountOfTheCurrency() {
        assertThatThrownBy(() -> Amounts.parse("1.005", "KES")).hasMessageContaining("at most 2 decimals");
        assertThatThrownBy(() -> Amounts.parse("5.5", "UGX")).hasMessageContaining("at most 0 decimals");
        assertThatThrownBy(() -> Amounts.parse("1e3", "KES")).hasMessageContaining("'1e3' is not one");
        assertThatThrownBy(() -> Amounts.parse("1,000", "KES")).hasMessageContaining("is not one");
        assertThatThrownBy(() -> Amounts.parse("-5", "KES")).hasMessageContaining("is not one");
        assertThatThrownBy(() -> Amounts.parse("0.00", "KES")).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> Amounts.parse(null, "KES")).isInstanceOf(IllegalArgumentException.class);
    }
}
