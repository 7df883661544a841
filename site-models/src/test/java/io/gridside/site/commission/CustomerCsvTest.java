package io.gridside.site.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.site.CustomerCategory;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The operator's customers file: every problem found at once, with its line and column, and nothing half read. */
class CustomerCsvTest {

    static final String HEADER = "customer_id,name,phone,address,category,tariff_id,opening_balance,meter_serial\n";
    static final Set<String> TARIFFS = Set.of("lifeline", "business");

    @Test
    void readsAGoodFileWithQuotedFieldsAndMinorUnits() {
        CustomerCsv.Result result = CustomerCsv.read(HEADER
                + "C001,Amina Otieno,+254712345678,\"Plot 4, Kisumu Road\",household,lifeline,150.50,GS004200017\r\n"
                + "C002,\"Juma \"\"Mzee\"\" Mill\",,\"Market\nstall 2\",MILL,business,2000,\n"
                + "\n", "KES", TARIFFS);

        assertThat(result.ok()).isTrue();
        assertThat(result.customers()).extracting(PlannedCustomer::customerId, PlannedCustomer::name,
                PlannedCustomer::address, PlannedCustomer::category, PlannedCustomer::openingBalanceMinor,
                PlannedCustomer::meterSerial)
                .containsExactly(
                        tuple("C001", "Amina Otieno", "Plot 4, Kisumu Road", CustomerCategory.HOUSEHOLD, 15_050L,
                                "GS004200017"),
                        tuple("C002", "Juma \"Mzee\" Mill", "Market\nstall 2", CustomerCategory.MILL, 200_000L,
                                null));
    }

    @Test
    void reportsEveryProblemWithItsLineAndColumnAndKeepsNoCustomer() {
        CustomerCsv.Result result = CustomerCsv.read(HEADER
                + "C001,Amina,+254712345678,,HOUSEHOLD,lifeline,10,GS004200017\n"
                + "C001,Baraka,0712 345,,FARM,lifeline,10,\n"
                + "C003,Chebet,,,SHOP,premium,-5,\n"
                + "C004,Daudi,,,SHOP,lifeline,1.005,GS004200017\n"
                + "C005,Esther,,,SHOP,lifeline,ten,GS004300017\n"
                + "C006,Faith,,SHOP,lifeline,1\n", "KES", TARIFFS);

        assertThat(result.ok()).isFalse();
        assertThat(result.customers()).isEmpty();
        assertThat(result.problems()).extracting(CsvProblem::line, CsvProblem::column).containsExactly(
                tuple(3, "customer_id"), tuple(3, "phone"), tuple(3, "category"),
                tuple(4, "tariff_id"), tuple(4, "opening_balance"),
                tuple(5, "opening_balance"), tuple(5, "meter_serial"),
                tuple(6, "opening_balance"), tuple(6, "meter_serial"),
                tuple(7, ""));
        assertThat(result.problems().get(0).message()).contains("C001").contains("line 2");
        assertThat(result.problems().get(4).message()).contains("negative");
        assertThat(result.problems().get(5).message()).contains("more decimals than KES has (2)");
        assertThat(result.problems().get(6).message()).contains("GS004200017").contains("line 2");
        assertThat(result.problems().get(8).message()).contains("check digit");
        assertThat(result.problems().get(9).toString()).startsWith("line 7: this line has 6 fields");
    }

    @Test
    void leavesTariffIdsUncheckedWhenTheTariffsAreNotKnownYet() {
        String file = HEADER + "C001,Amina,,,HOUSEHOLD,anything,0,\n";

        assertThat(CustomerCsv.read(file, "KES", null).ok()).isTrue();
        assertThat(CustomerCsv.read(file, "KES", TARIFFS).problems()).extracting(CsvProblem::column)
                .containsExactly("tariff_id");
    }

    @Test
    void refusesAWrongHeaderAnOpenQuoteAndAnEmptyFile() {
        assertThat(CustomerCsv.read("id,name\nC1,A\n", "KES", null).problems())
                .extracting(CsvProblem::line).containsExactly(1);
        assertThat(CustomerCsv.read(HEADER + "C001,\"Amina,,,HOUSEHOLD,x,0,\n", "KES", null).problems())
                .extracting(CsvProblem::line, CsvProblem::message)
                .containsExactly(tuple(2, "a quote opened on this line is never closed"));
        assertThat(CustomerCsv.read("", "KES", null).problems()).hasSize(1);
    }

    @Test
    void anOpenQuoteHidesNoProblemOfTheLinesBelowIt() {
        String file = HEADER + "C001,Amina,,,HOUSEHOLD,x,0,\n"
                + "C002,\"Baraka,,,HOUSEHOLD,x,0,\n"
                + "C003,Chausiku,,,HOUSEHOLD,x,12.345,\n"
                + "C004,Dudu \"the\" elder,,,HOUSEHOLD,x,0,\n"
                + "C005,\"Eli\"x,,,HOUSEHOLD,x,0,\n"
                + "C006,Faraji,,,SPACESHIP,x,0,\n";

        assertThat(CustomerCsv.read(file, "KES", null).problems()).extracting(CsvProblem::line)
                .containsExactly(3, 4, 6, 7);
    }

    @Test
    void takesNoDecimalsInACurrencyThatHasNone() {
        CustomerCsv.Result result = CustomerCsv.read(HEADER + "C001,Amina,,,HOUSEHOLD,x,1500.5,\n"
                + "C002,Baraka,,,HOUSEHOLD,x,1500.00,\n", "UGX", null);

        assertThat(result.problems()).extracting(CsvProblem::line).containsExactly(2);
    }

    @Test
    void refusesAnOpeningBalanceInExponentsOtherDigitsOrOverWhatOnePaymentMayCarry() {
        CustomerCsv.Result result = CustomerCsv.read(HEADER + "C001,Amina,,,HOUSEHOLD,x,1e3,\n"
                + "C002,Baraka,,,HOUSEHOLD,x,\uFF11\uFF15\uFF10,\n"
                + "C003,Chebet,,,HOUSEHOLD,x,92233720368547758.07,\n"
                + "C004,Daudi,,,HOUSEHOLD,x,100000000.01,\n"
                + "C005,Esther,,,HOUSEHOLD,x, 100000000.00,\n", "KES", null);

        assertThat(result.problems()).extracting(CsvProblem::line).containsExactly(2, 3, 4, 5);
        assertThat(result.problems().get(2).message()).contains("too large").contains("100000000.00 KES");
    }
}
