package io.gridside.link.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
     * A customer's account as the replica holds it: the customer, the meter that bills them, their balance, and
     * what each of their debts still owes.
     *
     * <p>Schema 2 added {@code debts}, which an account leaves out when the customer owes no debt under the
     * site's terms (section 6.35): such an account is written exactly as schema 1 wrote it, and read with null.
     *
     * @param balanceMinor the balance after the customer's last entry of the replica's ledger
     * @param debts each debt of the customer's under the site's credit terms with what it owes after the
     *     replica's ledger, in the order the terms list them; null for none
     */
    public record Account(Customer customer, Meter meter, long balanceMinor,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<DebtOwed> debts) {

        public Account {
            debts = debts == null ? null : List.copyOf(debts);
        }

        /** The account of a customer who owes no debt. */
        public Account(Customer customer, Meter meter, long balanceMinor) {
            this(customer, meter, balanceMinor, null);
        }

        /** The account's fields as the codec reads them once the debts are there, null or not. */
        private record Fields(Customer customer, Meter meter, long balanceMinor, List<DebtOwed> debts) {
        }

        /** Reads the fields as the codec decodes them: an account of schema 1 has no debts, read as null. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Account fromTree(ObjectNode tree) {
            tree.putIfAbsent("debts", tree.nullNode());
            Fields fields = MessageCodec.convert(tree, Fields.class);
            return new Account(fields.customer(), fields.meter(), fields.balanceMinor(), fields.debts());
        }
    }

    public RestoreChunk {
        accounts = List.copyOf(accounts);
    }
}
