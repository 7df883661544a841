package io.gridside.sim.replace;

import io.gridside.link.server.GatewayService;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.TopUp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The site's payment provider (mobile money) as a replacement gateway hears from it: a payment a customer made while
 * the site had no gateway reached none, so the provider sends it again, as it does until a gateway takes it, and the
 * new gateway takes it once it bills.
 */
@FunctionalInterface
public interface PaymentProvider {

    /** How a gateway's ledger names a payment's reference. */
    String PAYMENT_PREFIX = "payment:";

    /** A provider with nothing to send again, as on a site whose customers pay only in cash. */
    PaymentProvider NONE = (since, to) -> List.of();

    /** The payments made from {@code since} up to {@code to} that no gateway took, oldest first. */
    List<TopUp> undelivered(Instant since, Instant to);

    /**
     * The mobile money of a simulated site whose gateway died. The dead gateway's simulation goes on taking the
     * payments its customers make, drawn from the site's seed, as it goes on running their meters; no console reaches
     * it any more, so what it took from its death on is what reached no gateway.
     *
     * <p>KNOWN SHORTCOMING: who pays is drawn from the dead gateway's simulation, whose balances do not see the
     * replacement's reconciliation, so a customer pays when that simulation finds them low, not the new gateway.
     */
    static PaymentProvider of(GatewayService dead) {
        return new PaymentProvider() {

            /** The entry of the dead gateway's ledger after which to look: none dated later came before. */
            private long lookAfter;

            @Override
            public List<TopUp> undelivered(Instant since, Instant to) {
                List<TopUp> made = new ArrayList<>();
                long lastBefore = lookAfter;
                for (LedgerEntry entry : dead.ledgerAfter(lookAfter)) {
                    if (entry.at().isBefore(since)) {
                        lastBefore = entry.seq();
                    } else if (!entry.at().isAfter(to) && entry.kind() == EntryKind.TOP_UP
                            && entry.reference().startsWith(PAYMENT_PREFIX)) {
                        made.add(new TopUp(entry.reference().substring(PAYMENT_PREFIX.length()),
                                entry.customerId(), entry.amountMinor(), entry.at()));
                    }
                }
                lookAfter = lastBefore;
                return made;
            }
        };
    }
}
