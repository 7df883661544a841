package io.gridside.site.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.CustomerCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a name or address holds (commas, quotes, line breaks), a well-quoted file reads back the same. */
class CustomerCsvPropertyTest {

    @Property(tries = 200)
    void aQuotedFileReadsBackTheCustomersWrittenToIt(@ForAll("customers") List<PlannedCustomer> customers,
            @ForAll boolean windowsLineBreaks) {
        String lineBreak = windowsLineBreaks ? "\r\n" : "\n";
        StringBuilder file = new StringBuilder(String.join(",", CustomerCsv.HEADER)).append(lineBreak);
        for (PlannedCustomer customer : customers) {
            file.append(String.join(",", quoted(customer.customerId()), quoted(customer.name()),
                    quoted(customer.phone()), quoted(customer.address()), customer.category().name(),
                    quoted(customer.tariffId()), String.format(Locale.ROOT, "%d.%02d",
                            customer.openingBalanceMinor() / 100, customer.openingBalanceMinor() % 100),
                    customer.meterSerial() == null ? "" : customer.meterSerial())).append(lineBreak);
        }

        CustomerCsv.Result result = CustomerCsv.read(file.toString(), "KES", Set.of("lifeline", "business"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.customers()).isEqualTo(customers);
    }

    @Provide
    Arbitrary<List<PlannedCustomer>> customers() {
        Arbitrary<String> text = Arbitraries.strings().withChars("abcXYZ ,\"'\n;é").ofMinLength(1).ofMaxLength(20)
                .map(String::strip).filter(value -> !value.isEmpty());
        Arbitrary<PlannedCustomer> customer = Combinators.combine(
                Arbitraries.integers().between(1, 999), text, text,
                Arbitraries.of(CustomerCategory.class), Arbitraries.of("lifeline", "business"),
                Arbitraries.longs().between(0, 10_000_000), Arbitraries.integers().between(0, 99_999))
                .as((id, name, address, category, tariff, opening, meter) -> new PlannedCustomer("C" + id, name,
                        "", address, category, tariff, opening, meter == 0 ? null : MeterSerial.of("GS", meter)));
        return customer.list().ofMinSize(1).ofMaxSize(8)
                .uniqueElements(PlannedCustomer::customerId).uniqueElements(c -> c.meterSerial() == null
                        ? c.customerId() : c.meterSerial())
                .map(ArrayList::new);
    }

    private static String quoted(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
