package io.gridside.site.commission;

import io.gridside.site.Currencies;
import io.gridside.site.CustomerCategory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
    /** An amount as a person writes it in the file: ASCII digits, a point before the decimals, a sign if any. */
    private static final Pattern PLAIN_AMOUNT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    /** The largest opening balance, in minor units: the most one payment may carry (protocol, Payment). */
    private static final long MOST_OPENING_MINOR = 10_000_000_000L;
    private static final String CATEGORIES = Arrays.stream(CustomerCategory.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

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
        CsvLines.Split split = CsvLines.split(text);
        List<CsvLines.Row> rows = split.rows();
        List<CsvProblem> unsplit = split.malformed().stream().map(malformed -> new CsvProblem(malformed.line(), "",
                malformed.message(), malformed.reason(), malformed.values())).toList();
        if (rows.isEmpty() && !unsplit.isEmpty()) {
            return new Result(List.of(), unsplit);
        }
        if (rows.isEmpty()) {
            return new Result(List.of(), List.of(new CsvProblem(1, "", "the file is empty; it needs the header "
                    + String.join(",", HEADER) + " and a line per customer", "customers.empty",
                    String.join(",", HEADER))));
        }
        CsvProblem header = header(rows.get(0));
        if (header != null) {
            return new Result(List.of(), byLine(unsplit, List.of(header)));
        }
        LineReader reader = new LineReader(currency, knownTariffs);
        for (CsvLines.Row row : rows.subList(1, rows.size())) {
            reader.read(row);
        }
        if (rows.size() == 1 && unsplit.isEmpty()) {
            reader.problems.add(new CsvProblem(1, "", "the file has a header and no customers",
                    "customers.none"));
        }
        List<CsvProblem> problems = byLine(unsplit, reader.problems);
        return new Result(problems.isEmpty() ? reader.customers : List.of(), problems);
    }

    private static List<CsvProblem> byLine(List<CsvProblem> unsplit, List<CsvProblem> read) {
        List<CsvProblem> all = new ArrayList<>(unsplit);
        all.addAll(read);
        all.sort(Comparator.comparingInt(CsvProblem::line));
        return List.copyOf(all);
    }

    private static CsvProblem header(CsvLines.Row row) {
        List<String> names = row.fields().stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        if (names.equals(HEADER)) {
            return null;
        }
        return new CsvProblem(row.line(), "", "the header must be " + String.join(",", HEADER) + ", in this order; "
                + "this file's is " + String.join(",", row.fields()), "customers.header", String.join(",", HEADER),
                String.join(",", row.fields()));
    }

    /** Reads the lines after the header, keeping what it has seen to find repeats. */
    private static final class LineReader {

        private final String currency;
        private final int decimals;
        private final Set<String> knownTariffs;
        private final List<PlannedCustomer> customers = new ArrayList<>();
        private final List<CsvProblem> problems = new ArrayList<>();
        private final Map<String, Integer> idLines = new HashMap<>();
        private final Map<String, Integer> serialLines = new HashMap<>();

        LineReader(String currency, Set<String> knownTariffs) {
            this.currency = currency;
            this.decimals = Currencies.exponent(currency);
            this.knownTariffs = knownTariffs;
        }

        void read(CsvLines.Row row) {
            List<String> fields = row.fields();
            int line = row.line();
            if (fields.size() != HEADER.size()) {
                problems.add(new CsvProblem(line, "", "this line has " + fields.size() + " fields and the header "
                        + HEADER.size() + "; a field holding a comma goes in double quotes", "customers.fields",
                        fields.size(), HEADER.size()));
                return;
            }
            int before = problems.size();
            String id = id(line, fields.get(0).strip());
            String name = fields.get(1).strip();
            if (name.isEmpty()) {
                problem(line, "name", "the name is empty", "customers.name.empty");
            }
            String phone = phone(line, fields.get(2));
            CustomerCategory category = category(line, fields.get(4).strip());
            String tariff = tariff(line, fields.get(5).strip());
            long opening = balance(line, fields.get(6).strip());
            String serial = serial(line, fields.get(7));
            if (problems.size() == before) {
                customers.add(new PlannedCustomer(id, name, phone, fields.get(3).strip(), category, tariff, opening,
                        serial));
            }
        }

        private String id(int line, String id) {
            if (!PlannedCustomer.ID.matcher(id).matches()) {
                problem(line, "customer_id", "'" + id + "' is not a customer id: 1 to 64 letters, digits, '.', "
                        + "'_', ':' or '-', beginning with a letter or digit", "customers.id.form", id);
                return id;
            }
            Integer first = idLines.putIfAbsent(id, line);
            if (first != null) {
                problem(line, "customer_id", "the customer id " + id + " is on line " + first + " already; each "
                        + "customer is listed once", "customers.id.repeated", id, Integer.toString(first));
            }
            return id;
        }

        private String phone(int line, String text) {
            String phone = text.replace(" ", "").replace("-", "");
            if (!phone.isEmpty() && !PlannedCustomer.PHONE.matcher(phone).matches()) {
                problem(line, "phone", "'" + text.strip() + "' is not a phone number: + and the country code, "
                        + "then the number, 8 to 15 digits in all, such as +254712345678; or leave it empty",
                        "customers.phone", text.strip());
            }
            return phone;
        }

        private CustomerCategory category(int line, String text) {
            for (CustomerCategory category : CustomerCategory.values()) {
                if (category.name().equalsIgnoreCase(text)) {
                    return category;
                }
            }
            problem(line, "category", "'" + text + "' is not a category: one of " + CATEGORIES,
                    "customers.category", text, CATEGORIES);
            return null;
        }

        private String tariff(int line, String tariff) {
            if (tariff.isEmpty()) {
                problem(line, "tariff_id", "the tariff id is empty; every customer is billed on a tariff",
                        "customers.tariff.empty");
            } else if (knownTariffs != null && !knownTariffs.contains(tariff)) {
                String known = String.join(", ", new TreeSet<>(knownTariffs));
                problem(line, "tariff_id", "the tariff " + tariff + " is not one of the site's: " + known,
                        "customers.tariff.unknown", tariff, known);
            }
            return tariff;
        }

        private long balance(int line, String text) {
            BigDecimal amount;
            try {
                // Plain digits only: BigDecimal alone would also take 1e3 and digits of other scripts.
                if (!PLAIN_AMOUNT.matcher(text).matches()) {
                    throw new NumberFormatException(text);
                }
                amount = new BigDecimal(text);
            } catch (NumberFormatException e) {
                problem(line, "opening_balance", "'" + text + "' is not an amount: write it in " + currency
                        + " with a point before the decimals, such as " + example(), "customers.balance.form", text,
                        currency, example());
                return 0;
            }
            if (amount.signum() < 0) {
                problem(line, "opening_balance", "the opening balance " + text + " is negative; a customer starts "
                        + "with credit or with none, and a debt is recorded as a debt, not here",
                        "customers.balance.negative", text);
            } else if (amount.stripTrailingZeros().scale() > decimals) {
                problem(line, "opening_balance", "the opening balance " + text + " has more decimals than "
                        + currency + " has (" + decimals + ")", "customers.balance.decimals", text, currency,
                        decimals);
            } else {
                try {
                    long minor = amount.movePointRight(decimals).longValueExact();
                    if (minor > MOST_OPENING_MINOR) {
                        throw new ArithmeticException("over the limit");
                    }
                    return minor;
                } catch (ArithmeticException e) {
                    String most = BigDecimal.valueOf(MOST_OPENING_MINOR).movePointLeft(decimals).toPlainString();
                    problem(line, "opening_balance", "the opening balance " + text + " is too large: at most "
                            + most + " " + currency + ", as much as one payment can be",
                            "customers.balance.tooLarge", text, most, currency);
                }
            }
            return 0;
        }

        private String serial(int line, String text) {
            String serial = text.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
            if (serial.isEmpty()) {
                return null;
            }
            try {
                MeterSerial.requireValid(serial);
            } catch (CommissionRefusal e) {
                problem(line, "meter_serial", e.getMessage(), CommissionRefusal.SERIAL_CHECK_DIGIT.equals(e.code())
                        ? "customers.serial.checkDigit" : "customers.serial.form", e.values().toArray());
                return null;
            }
            Integer first = serialLines.putIfAbsent(serial, line);
            if (first != null) {
                problem(line, "meter_serial", "the meter " + serial + " is planned on line " + first + " already; "
                        + "a meter goes to one customer", "customers.serial.repeated", serial, Integer.toString(first));
            }
            return serial;
        }

        private String example() {
            return decimals == 0 ? "150" : "150." + "5".repeat(decimals);
        }

        private void problem(int line, String column, String message, String reason, Object... values) {
            problems.add(new CsvProblem(line, column, message, reason, values));
        }
    }
}
