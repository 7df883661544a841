package io.gridside.billing;

import io.gridside.site.Debt;
import io.gridside.site.SiteCalendar;
import java.util.List;
import java.util.Set;

/**
 * Everything besides the tariff that decides a site's credit: the policy, the calendar, the customers who are
 * never cut off and the debts recovered from top-ups. A gateway and a console replaying it must hold the same
 * terms to post the same ledger and reach the same states.
 *
 * @param neverDisconnect customers (a clinic, a school, a water pump) who accrue debt instead of being cut off
 * @param debts debts recovered from top-ups, each applied when its customer's account opens, in this order
 */
public record CreditTerms(CreditPolicy policy, SiteCalendar calendar, Set<String> neverDisconnect,
        List<Debt> debts) {

    /** No emergency credit, no grace, no protected customers, no debts. */
    public static final CreditTerms PLAIN = new CreditTerms(CreditPolicy.PLAIN, SiteCalendar.NONE, Set.of(),
            List.of());

    public CreditTerms {
        if (policy == null || calendar == null) {
            throw new IllegalArgumentException("policy and calendar must be given");
        }
        neverDisconnect = Set.copyOf(neverDisconnect);
        debts = List.copyOf(debts);
    }

    /** The debts of {@code customerId}, in the order given. */
    List<Debt> debtsOf(String customerId) {
        return debts.stream().filter(d -> d.customerId().equals(customerId)).toList();
    }
}
