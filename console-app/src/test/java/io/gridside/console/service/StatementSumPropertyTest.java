package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the ledger and whatever the period, a statement's opening balance plus its lines is its closing
 * balance, to the minor unit, and that is the balance the ledger stored after the period's last entry.
 */
class StatementSumPropertyTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final LocalDate FIRST = LocalDate.parse("2026-05-30");

    /** One posting before its balance is known: a kind, an amount and minutes after the previous posting. */
    record Posting(EntryKind kind, long amount, int minutesLater) {
    }

    @Provide
    Arbitrary<Posting> postings() {
        return Combinators.combine(Arbitraries.of(EntryKind.values()), Arbitraries.longs().between(0, 5_000_000),
                Arbitraries.integers().between(0, 36 * 60)).as(Posting::new);
    }

    @Property(tries = 60)
    void openingPlusLinesIsClosing(@ForAll @Size(max = 40) List<@From("postings") Posting> postings,
            @ForAll @IntRange(min = 0, max = 8) int startOffset, @ForAll @IntRange(min = 0, max = 6) int days)
            throws IOException {
        List<LedgerEntry> ledger = ledger(postings);
        Path file = Files.createTempFile("statement-property-", ".db");
        try (SiteStore store = SiteStore.open(file)) {
            store.saveSite(StatementsTest.SITE, "GW-1");
            store.saveRoster(List.of(new Customer("C-1", "Amina", CustomerCategory.HOUSEHOLD)),
                    List.of(new Meter("M-1", "S-1", "C-1", "GW-1", -70)));
            store.insertLedger(ledger);
            Statements.Period period = new Statements.Period(FIRST.plusDays(startOffset),
                    FIRST.plusDays(startOffset + days));

            CustomerStatement s = Statements.of(store).of("C-1", period);

            assertThat(s.openingMinor() + s.totals().netMinor()).isEqualTo(s.closingMinor());
            assertThat(s.days()).hasSize(days + 1);
            assertThat(s.days().stream().map(CustomerStatement.Day::lines).reduce(StatementLines.NONE,
                    StatementLines::plus)).isEqualTo(s.totals());
            // An entry at midnight closes the day before, as a quarter hour's posting at its end belongs to it.
            Instant end = period.last().plusDays(1).atStartOfDay(StatementsTest.SITE.zone()).toInstant();
            ledger.stream().filter(e -> !e.at().isAfter(end)).reduce((a, b) -> b)
                    .ifPresent(last -> assertThat(s.closingMinor()).isEqualTo(last.balanceAfterMinor()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The postings as entries with their running balance: charges take, top-ups give, the rest go either way. */
    private static List<LedgerEntry> ledger(List<Posting> postings) {
        List<LedgerEntry> ledger = new ArrayList<>();
        Instant at = START;
        long balance = 0;
        for (Posting p : postings) {
            at = at.plus(Duration.ofMinutes(p.minutesLater()));
            long amount = switch (p.kind()) {
                case TOP_UP -> p.amount();
                case OPENING -> p.amount() % 2 == 0 ? p.amount() : -p.amount();
                default -> -p.amount();
            };
            balance += amount;
            ledger.add(new LedgerEntry(ledger.size() + 1, at, "C-1", p.kind(), amount, balance, "p-" + ledger.size()));
        }
        return ledger;
    }
}
