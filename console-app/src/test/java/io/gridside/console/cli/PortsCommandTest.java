package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.SerialPorts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table {@code gridside ports} prints for people; {@code --json} is the form for programs. */
class PortsCommandTest {

    @Test
    void theTableHasAHeaderAboveItsColumns() {
        List<SerialPorts.Port> ports = List.of(
                new SerialPorts.Port("/dev/ttyS0", "Physical Port S0", null, SerialPorts.Kind.OTHER, null),
                new SerialPorts.Port("/dev/pts/7", "simulated gateway GW-6", null, SerialPorts.Kind.SIMULATOR,
                        "GW-6"));

        String[] lines = table(ports).split("\\R");

        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("DEVICE").contains("USB ID", "KIND", "DESCRIPTION");
        assertThat(lines[0].indexOf("KIND")).isEqualTo(lines[2].indexOf("simulator"));
        assertThat(lines[0].indexOf("DESCRIPTION")).isEqualTo(lines[2].indexOf("simulated gateway GW-6"));
    }

    @Test
    void noPortIsASentenceInsteadOfAnEmptyTable() {
        assertThat(table(List.of())).startsWith("No serial port found").doesNotContain("DEVICE");
    }

    private static String table(List<SerialPorts.Port> ports) {
        StringWriter text = new StringWriter();
        PortsCommand.printTable(ports, new PrintWriter(text, true));
        return text.toString();
    }
}
