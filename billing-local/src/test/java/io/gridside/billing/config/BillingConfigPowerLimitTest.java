package io.gridside.billing.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.CreditTerms;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lifeline power limit applies to the households the terms do not protect, by the version in force. */
class BillingConfigPowerLimitTest {

    private static final LocalDateTime JANUARY = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final LocalDateTime JUNE = LocalDateTime.of(2026, 6, 1, 0, 0);
    private static final Customer AMINA = new Customer("C-1", "Amina", CustomerCategory.HOUSEHOLD);

    private static TariffVersion version(LocalDateTime from, Integer limitWatts) {
        return new TariffVersion(from, "KES", List.of(new Block(null, 2_500_000L, false)), null, List.of(), null,
                null, List.of(), limitWatts);
    }

    private static BillingConfig config(Set<String> neverDisconnect, TariffVersion... versions) {
        return new BillingConfig(new TariffSchedule("t", "KES", List.of(versions)),
                new CreditTerms(CreditTerms.PLAIN.policy(), CreditTerms.PLAIN.calendar(), neverDisconnect, List.of()));
    }

    @Test
    void aHouseholdGetsTheLimitOfTheVersionInForce() {
        BillingConfig config = config(Set.of(), version(JANUARY, 250), version(JUNE, 400));

        assertThat(config.powerLimitWatts(AMINA, JUNE.minusMinutes(15))).isEqualTo(250);
        assertThat(config.powerLimitWatts(AMINA, JUNE)).isEqualTo(400);
    }

    @Test
    void noOneIsLimitedBeforeTheFirstVersionOrUnderAVersionWithoutALimit() {
        BillingConfig config = config(Set.of(), version(JANUARY, null), version(JUNE, 250));

        assertThat(config.powerLimitWatts(AMINA, JANUARY.minusDays(1))).isNull();
        assertThat(config.powerLimitWatts(AMINA, JANUARY)).isNull();
    }

    @Test
    void shopsMillsAndProtectedHouseholdsAreNeverLimited() {
        BillingConfig config = config(Set.of("C-9"), version(JANUARY, 250));

        assertThat(config.powerLimitWatts(new Customer("C-2", "Duka", CustomerCategory.SHOP), JUNE)).isNull();
        assertThat(config.powerLimitWatts(new Customer("C-3", "Posho", CustomerCategory.MILL), JUNE)).isNull();
        assertThat(config.powerLimitWatts(new Customer("C-9", "Clinic", CustomerCategory.HOUSEHOLD), JUNE)).isNull();
        assertThat(config.powerLimitWatts(AMINA, JUNE)).isEqualTo(250);
    }
}
