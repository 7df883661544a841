package io.gridside.billing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.billing.CreditPolicy;
import io.gridside.billing.CreditTerms;
import io.gridside.site.Debt;
import io.gridside.site.SiteCalendar;
import io.gridside.site.cbor.DeterministicCbor;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A billing configuration travels as one deterministic document that reads back to the same configuration. */
class BillingConfigDocumentTest {

    private static final String SCHEDULE = """
            {"tariffId": "village-2024", "currency": "KES", "versions": [
              {"effectiveFrom": "2024-01-01T00:00", "currency": "KES",
               "blocks": [{"upToWh": 1000, "price": 20000000, "lifeline": true}, {"price": 35000000}],
               "blockReset": "DAILY",
               "tou": [{"day": "WEEKDAY", "from": "00:00", "to": "18:00", "price": 0},
                       {"day": "WEEKDAY", "from": "18:00", "to": "22:00", "price": 10000000},
                       {"day": "WEEKDAY", "from": "22:00", "to": "24:00", "price": 0},
                       {"day": "SATURDAY", "from": "00:00", "to": "24:00", "price": 0},
                       {"day": "SUNDAY_OR_HOLIDAY", "from": "00:00", "to": "24:00", "price": 5000000}],
               "standing": {"period": "MONTHLY", "amountMinor": 20000, "dueDay": 1},
               "minimumMonthlyMinor": 5000,
               "charges": [{"name": "VAT", "kind": "TAX", "basisPoints": 1600},
                           {"name": "REA", "kind": "LEVY", "price": 50000}],
               "lifelinePowerLimitWatts": 250},
              {"effectiveFrom": "2024-03-05T12:00", "currency": "KES", "blocks": [{"price": 30000000}]}
            ]}
            """;

    static BillingConfig realistic() throws Exception {
        SiteCalendar calendar = SiteCalendar.parse("night 18:00-07:00\nweekend SATURDAY SUNDAY\n"
                + "holiday 2024-03-29\nevery-year 12-25\n");
        CreditTerms terms = new CreditTerms(new CreditPolicy(2_000, 2_000, 500, 50, true), calendar,
                Set.of("C00009", "C00003"),
                List.of(new Debt("loan-1", "C00001", Debt.Kind.APPLIANCE_LOAN, 150_000, 20),
                        new Debt("fee-2", "C00002", Debt.Kind.CONNECTION_FEE, 50_000, 10)));
        return new BillingConfig(TariffFile.parse(SCHEDULE).validated(), terms);
    }

    @Test
    void readsBackEveryPartOfTheScheduleAndTheTerms() throws Exception {
        BillingConfig config = realistic();

        assertThat(BillingConfigDocument.decode(BillingConfigDocument.encode(config))).isEqualTo(config);
    }

    @Test
    void readsBackTheFlatTariffUnderPlainTerms() {
        BillingConfig flat = new BillingConfig(TariffSchedule.flat(new Tariff("flat", "KES", 3500, 1000, 5000)),
                CreditTerms.PLAIN);

        assertThat(BillingConfigDocument.decode(BillingConfigDocument.encode(flat))).isEqualTo(flat);
    }

    @Test
    void encodesEqualConfigurationsToTheSameBytesWhateverTheOrderOfProtectedCustomers() throws Exception {
        BillingConfig config = realistic();
        CreditTerms reordered = new CreditTerms(config.terms().policy(), config.terms().calendar(),
                new LinkedHashSet<>(List.of("C00003", "C00009")), config.terms().debts());

        assertThat(BillingConfigDocument.encode(new BillingConfig(config.schedule(), reordered)))
                .isEqualTo(BillingConfigDocument.encode(config));
    }

    @Test
    void givesAnotherDigestWhenATermChanges() throws Exception {
        BillingConfig config = realistic();
        BillingConfig noGrace = new BillingConfig(config.schedule(), new CreditTerms(
                new CreditPolicy(2_000, 2_000, 500, 50, false), config.terms().calendar(),
                config.terms().neverDisconnect(), config.terms().debts()));

        assertThat(BillingConfigDocument.digest(BillingConfigDocument.encode(noGrace)))
                .isNotEqualTo(BillingConfigDocument.digest(BillingConfigDocument.encode(config)));
    }

    @Test
    void refusesADocumentWithoutTerms() {
        byte[] onlyTariff = DeterministicCbor.encode(Map.of("tariff", Map.of()));

        assertThatThrownBy(() -> BillingConfigDocument.decode(onlyTariff))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
