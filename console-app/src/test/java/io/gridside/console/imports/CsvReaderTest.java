package io.gridside.console.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict CSV reader: what RFC 4180 allows is read as written, and every other thing is named by its line. */
class CsvReaderTest {

    private static final List<String> COLUMNS = List.of("meter", "timestamp", "register_kwh");

    private static CsvTable read(String text) {
        return CsvReader.read(text.getBytes(StandardCharsets.UTF_8), COLUMNS);
    }

    @Test
    void readsRowsUnderTheHeaderWithTheLineEachStartsOn() {
        CsvTable table = read("meter,timestamp,register_kwh\nM-1,2026-06-02T10:00,12.5\nM-2,2026-06-02T10:00,7\n");

        assertThat(table.problems()).isEmpty();
        assertThat(table.rows()).extracting(CsvRow::line).containsExactly(2, 3);
        assertThat(table.rows().get(1).get("meter")).isEqualTo("M-2");
        assertThat(table.rows().get(0).get("register_kwh")).isEqualTo("12.5");
    }

    @Test
    void skipsAByteOrderMarkAndTakesCrlfLineEnds() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "meter,timestamp,register_kwh\r\nM-1,t,1\r\n\r\nM-2,t,2\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);

        CsvTable table = CsvReader.read(file, COLUMNS);

        assertThat(table.problems()).isEmpty();
        assertThat(table.rows()).extracting(CsvRow::line).as("the blank line 3 is skipped but counted")
                .containsExactly(2, 4);
        assertThat(table.rows().get(0).get("meter")).as("no BOM left on the first value").isEqualTo("M-1");
    }

    @Test
    void takesTheHeaderInAnyOrderAndCaseAndIgnoresOtherColumns() {
        CsvTable table = read("Register_kWh, NOTE ,Meter,Timestamp\n1.5,\"from the book\",M-1,t\n");

        assertThat(table.problems()).isEmpty();
        assertThat(table.rows().get(0).get("meter")).isEqualTo("M-1");
        assertThat(table.rows().get(0).get("register_kwh")).isEqualTo("1.5");
    }

    @Test
    void readsQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() {
        CsvTable table = read("meter,timestamp,register_kwh\n\"M,1\",\"say \"\"t\"\"\",\"1\n2\"\nM-2,t,3\n");

        assertThat(table.problems()).isEmpty();
        assertThat(table.rows()).extracting(CsvRow::line).as("a record spanning lines 2-3; the next starts on 4")
                .containsExactly(2, 4);
        assertThat(table.rows().get(0).values()).containsEntry("meter", "M,1").containsEntry("timestamp",
                "say \"t\"").containsEntry("register_kwh", "1\n2");
    }

    @Test
    void namesARowOfTheWrongLengthAndReadsTheRest() {
        CsvTable table = read("meter,timestamp,register_kwh\nM-1,t,1\nM-2,t,1,5\nM-3,t\nM-4,t,4\n");

        assertThat(table.problems()).extracting(ImportProblem::line).containsExactly(3, 4);
        assertThat(table.problems().get(0).message()).contains("4 fields where the header has 3");
        assertThat(table.rows()).extracting(CsvRow::line).containsExactly(2, 5);
    }

    @Test
    void namesAQuoteInsideAnUnquotedFieldAndTextAfterAClosingQuote() {
        CsvTable table = read("meter,timestamp,register_kwh\nM-1,t,12\"5\n\"M-2\"x,t,1\nM-3,t,3\n");

        assertThat(table.problems()).extracting(ImportProblem::line).containsExactly(2, 3);
        assertThat(table.problems().get(0).message()).contains("double quote stands inside field 3");
        assertThat(table.problems().get(1).message()).contains("text after the closing quote of field 1");
        assertThat(table.rows()).extracting(CsvRow::line).containsExactly(4);
    }

    @Test
    void namesTheLineOfAProblemInsideARecordThatSpansLines() {
        CsvTable table = read("meter,timestamp,register_kwh\n\"M\n1\",t,1\"x\nM-3,t,3\n");

        assertThat(table.problems()).singleElement().extracting(ImportProblem::line).isEqualTo(3);
        assertThat(table.rows()).extracting(CsvRow::line).containsExactly(4);
    }

    @Test
    void namesALoneCarriageReturn() {
        CsvTable table = read("meter,timestamp,register_kwh\nM-1,t,1\rM-2,t,2\nM-3,t,3\n");

        assertThat(table.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).contains("carriage return");
        });
        assertThat(table.rows()).extracting(CsvRow::line).containsExactly(3, 4);
    }

    @Test
    void namesTheLineWhereAQuotedFieldOpensAndNeverCloses() {
        CsvTable table = read("meter,timestamp,register_kwh\nM-1,t,1\nM-2,\"t,2\nM-3,t,3\n");

        assertThat(table.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).contains("never closed");
        });
        assertThat(table.rows()).extracting(CsvRow::line).containsExactly(2);
    }

    @Test
    void namesMissingAndRepeatedColumnsOnTheHeaderLineAndReadsNoRow() {
        CsvTable missing = read("meter,time,kwh\nM-1,t,1\n");
        CsvTable twice = read("meter,timestamp,register_kwh,meter\nM-1,t,1,M-1\n");

        assertThat(missing.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.field()).isEqualTo("timestamp,register_kwh");
            assertThat(problem.message()).contains("lacks columns timestamp, register_kwh");
        });
        assertThat(missing.rows()).isEmpty();
        assertThat(twice.problems()).singleElement().extracting(ImportProblem::field).isEqualTo("meter");
        assertThat(twice.rows()).isEmpty();
    }

    @Test
    void namesAnEmptyFileAndABrokenHeader() {
        assertThat(read("").problems()).singleElement().extracting(ImportProblem::message).asString()
                .contains("the file is empty");
        assertThat(read("\n\n").problems()).singleElement().extracting(ImportProblem::line).isEqualTo(1);
        assertThat(read("meter,\"timestamp,register_kwh\nM-1,t,1\n").problems()).singleElement()
                .extracting(ImportProblem::line).isEqualTo(1);
    }

    @Test
    void namesTheLineOfBytesThatAreNotUtf8() {
        byte[] good = "meter,timestamp,register_kwh\nM-1,t,1\nM-".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[good.length + 4];
        System.arraycopy(good, 0, file, 0, good.length);
        file[good.length] = (byte) 0xE9;
        file[good.length + 1] = ',';
        file[good.length + 2] = 't';
        file[good.length + 3] = '\n';

        CsvTable table = CsvReader.read(file, COLUMNS);

        assertThat(table.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).contains("not UTF-8");
        });
        assertThat(table.rows()).isEmpty();
    }

    @Test
    void readsALastRowWithoutItsLineEnd() {
        CsvTable table = read("meter,timestamp,register_kwh\nM-1,t,1");

        assertThat(table.rows()).singleElement().extracting(CsvRow::line).isEqualTo(2);
    }
}
