package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gridside.console.support.Incidents;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * An error the command line did not foresee prints one line with an incident code and exits with
 * {@link ExitCode#UNEXPECTED}; the stack trace goes only to the log, beside the same code.
 */
class UnexpectedErrorLineTest {

    private static final Pattern INCIDENT = Pattern.compile("incident (E-[0-9A-Z]{6})");

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger incidents = (Logger) LoggerFactory.getLogger(Incidents.class);

    @BeforeEach
    void listen() {
        log.start();
        incidents.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        incidents.detachAppender(log);
    }

    @Test
    void aProgrammingErrorPrintsOneLineWithTheIncidentCodeThatTheLogHoldsBesideTheStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = GridsideCommand.commandLine().addSubcommand("explode", new Explode());
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("explode");

        assertThat(exit).isEqualTo(ExitCode.UNEXPECTED);
        String line = err.toString().strip();
        assertThat(line.split("\\R")).hasSize(1);
        assertThat(line).startsWith("gridside: ").endsWith("[UNEXPECTED]").contains("gridside diagnostics export")
                .doesNotContain("\tat ", "Explode.java", "the meter list is missing");
        Matcher code = INCIDENT.matcher(line);
        assertThat(code.find()).as(line).isTrue();
        List<ILoggingEvent> logged = log.list.stream()
                .filter(event -> event.getFormattedMessage().contains(code.group(1))).toList();
        assertThat(logged).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("the meter list is missing");
        });
    }

    @Test
    void anErrorOfTheJavaRuntimeIsReportedTheSameWayWithItsOwnCode() {
        StringWriter err = new StringWriter();

        int exit = GridsideCommand.failed(new StackOverflowError(), "report --site x.db", new PrintWriter(err, true));

        assertThat(exit).isEqualTo(ExitCode.UNEXPECTED);
        assertThat(err.toString()).contains("StackOverflowError, incident E-").hasLineCount(1);
    }

    @Test
    void aForeseenFailureKeepsItsMessageAndTheFailedExitCode() {
        StringWriter err = new StringWriter();

        int exit = GridsideCommand.failed(new IllegalStateException("The disk is full."), "report",
                new PrintWriter(err, true));

        assertThat(exit).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).startsWith("gridside: The disk is full.").doesNotContain("incident");
    }

    @Test
    void incidentCodesDifferAndAvoidLettersMistakenForDigits() {
        List<String> codes = java.util.stream.IntStream.range(0, 200).mapToObj(i -> Incidents.newCode()).toList();

        assertThat(codes).doesNotHaveDuplicates().allMatch(code -> code.matches("E-[0-9A-HJKMNP-TV-Z]{6}"));
    }

    /** A command with a programming error in it. */
    @Command(name = "explode")
    static final class Explode implements Callable<Integer> {

        @Override
        public Integer call() {
            throw new NullPointerException("the meter list is missing");
        }
    }
}
