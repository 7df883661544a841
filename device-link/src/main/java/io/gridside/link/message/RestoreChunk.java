package io.gridside.link.message;

import io.gridside.site.Customer;
import io.gridside.site.Meter;
import java.util.List;

/**
 * One piece of the accounts a restore carries (section 6.32): each customer, the meter that bills them and the
 * balance the replica's ledger left them with. A chunk held already is answered as held and not kept twice.
 *
 * @param index the chunk's place, from 0 to the restore's chunk count less one
 */
public record RestoreChunk(String restoreId, int index, List<Account> accounts) implements Message {

    /**
     * A customer's account as the replica holds it: the customer, the meter that bills them, and their balance.
     *
     * @param balanceMinor the balance after the customer's last entry of the replica's ledger
     */
    public record Account(Customer customer, Meter meter, long balanceMinor) {
    }

    public RestoreChunk {
        accounts = List.copyOf(accounts);
    }
}
