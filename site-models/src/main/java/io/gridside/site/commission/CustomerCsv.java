package io.gridside.site.commission;

import java.util.List;
import java.util.Set;

/**
 * Reads the customers CSV the operator prepares for a new site, checking every line and reporting every problem at
 * once with its line and column, so that the operator fixes the file in one pass. The format (RFC 4180: commas,
 * double quotes around a field that holds a comma, a quote or a line break, UTF-8) has this header, in this order:
 *
 * <pre>customer_id,name,phone,address,category,tariff_id,opening_balance,meter_serial</pre>
 *
 * <p>{@code category} is HOUSEHOLD, SHOP or MILL; {@code opening_balance} is in the currency's major units with at
 * most its decimals ({@code 150.50} in KES), never negative; {@code phone} and {@code meter_serial} may be empty.
 * docs/commissioning.md describes each column.
 */
public final class CustomerCsv {

    /** The header, column by column. */
    public static final List<String> HEADER = List.of("customer_id", "name", "phone", "address", "category",
            "tariff_id", "opening_balance", "meter_serial");

    private CustomerCsv() {
    }

    /**
     * What a customers file held: the customers when every line is good, else every problem found.
     *
     * @param customers the customers in file order; empty when any problem was found, so nothing half is stored
     * @param problems  every problem, by line then column order
     */
    public record Result(List<PlannedCustomer> customers, List<CsvProblem> problems) {

        public Result {
            customers = List.copyOf(customers);
            problems = List.copyOf(problems);
        }

        /** Whether the file is good and its customers may be stored. */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Reads {@code text}, a whole customers file.
     *
     * @param currency      the site's currency, whose decimals an opening balance may have
     * @param knownTariffs  the tariff ids the site has, or null when they are not known yet (ids are then not
     *                      checked)
     */
    public static Result read(String text, String currency, Set<String> knownTariffs) {
        throw new UnsupportedOperationException("not yet");
    }
}
