package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Fixtures.NOON;
import static io.gridside.billing.Fixtures.quarters;
import static io.gridside.billing.Fixtures.reading;
import static io.gridside.billing.Fixtures.tariff;
import static io.gridside.billing.Fixtures.topUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine keeps its ledger wherever it is given to, and the place changes nothing it posts. */
class LedgerStoreTest {

    /** A store that keeps what it is given in a list of its own, so a test sees exactly what the engine appended. */
    private static final class ListStore implements LedgerStore {

        final List<LedgerEntry> appended = new ArrayList<>();

        @Override
        public void append(LedgerEntry entry) {
            appended.add(entry);
        }

        @Override
        public List<LedgerEntry> after(long afterSeq) {
            return List.copyOf(appended.subList((int) afterSeq, appended.size()));
        }

        @Override
        public Optional<LedgerEntry> payment(String reference) {
            return appended.stream().filter(entry -> (PAYMENT_PREFIX + reference).equals(entry.reference()))
                    .findFirst();
        }

        @Override
        public long lastSeq() {
            return appended.size();
        }
    }

    @Test
    void postsTheSameLedgerIntoAStoreOfItsOwnAsInMemory() {
        ListStore store = new ListStore();
        BillingEngine stored = new BillingEngine(tariff(2_000, 300), NAIROBI, store);
        BillingEngine inMemory = new BillingEngine(tariff(2_000, 300), NAIROBI);

        bill(stored);
        bill(inMemory);

        assertThat(store.appended).isEqualTo(inMemory.ledgerAfter(0));
        assertThat(stored.ledgerAfter(3)).isEqualTo(inMemory.ledgerAfter(3));
        assertThat(stored.lastSeq()).isEqualTo(store.appended.size());
        assertThat(stored.payment("MP-1")).isEqualTo(inMemory.payment("MP-1")).isPresent();
    }

    @Test
    void creditsAPaymentTheStoreHoldsOnlyOnce() {
        ListStore store = new ListStore();
        BillingEngine engine = new BillingEngine(tariff(2_000, 300), NAIROBI, store);

        bill(engine);

        assertThat(store.appended).filteredOn(entry -> entry.kind() == EntryKind.TOP_UP).hasSize(1);
    }

    @Test
    void refusesAStoreThatHoldsEntriesAlready() {
        ListStore store = new ListStore();
        new BillingEngine(tariff(2_000, 300), NAIROBI, store).openAccount("C-1", "M-1", 1_000, NOON);

        assertThatThrownBy(() -> new BillingEngine(tariff(2_000, 300), NAIROBI, store))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 entries");
    }

    /** Two customers over two days, with a payment that arrives twice, as mobile money sometimes delivers it. */
    private static void bill(BillingEngine engine) {
        engine.openAccount("C-1", "M-1", 10_000, NOON);
        engine.openAccount("C-2", "M-2", 2_000, NOON);
        for (int n = 1; n <= 192; n++) {
            List<io.gridside.site.TopUp> topUps = n == 40 || n == 41
                    ? List.of(topUp("MP-1", "C-2", 50_000, quarters(NOON, 39).plusSeconds(30))) : List.of();
            engine.tick(quarters(NOON, n), topUps, List.of(reading("M-1", quarters(NOON, n), 120 + n % 7),
                    reading("M-2", quarters(NOON, n), 80 + n % 5)));
        }
    }
}
