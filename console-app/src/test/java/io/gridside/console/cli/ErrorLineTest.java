package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.client.LinkException;
import io.gridside.site.store.LedgerConflictException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** Every failure is one line that ends in one bracketed code. */
class ErrorLineTest {

    @Test
    void aRefusalOfTheGatewayShowsItsOwnCodeOnce() {
        LinkException refused = new LinkException(LinkException.Code.FORBIDDEN,
                "A SetClock request needs a supervisor's session. (ROLE_FORBIDDEN)");

        assertThat(GridsideCommand.linkLine(refused))
                .isEqualTo("A SetClock request needs a supervisor's session. [ROLE_FORBIDDEN]");
    }

    @Test
    void aFailureOfTheConsoleShowsTheConsolesCode() {
        LinkException unreachable = new LinkException(LinkException.Code.UNREACHABLE,
                "Nothing answers at 127.0.0.1:9.");

        assertThat(GridsideCommand.linkLine(unreachable)).isEqualTo("Nothing answers at 127.0.0.1:9. [UNREACHABLE]");
    }

    @Test
    void aParenthesisThatIsNoGatewayCodeStaysInTheMessage() {
        LinkException closed = new LinkException(LinkException.Code.CLOSED,
                "The link to /dev/ttyACM0 dropped: input/output error (EIO_ERROR)");
        LinkException gatewayError = new LinkException(LinkException.Code.GATEWAY_ERROR,
                "The gateway answered with a Pong where a SiteReply belongs (see the log)");

        assertThat(GridsideCommand.linkLine(closed)).endsWith("(EIO_ERROR) [CLOSED]");
        assertThat(GridsideCommand.linkLine(gatewayError)).endsWith("(see the log) [GATEWAY_ERROR]");
    }

    @Test
    void aFailureThatNamesItsOwnCodeEndsInItAndSendsNobodyToTheLog() {
        String line = GridsideCommand.failureLine(LedgerConflictException.changed(12));

        assertThat(line).contains("entry 12", "report it to support").endsWith(". [LEDGER_CONFLICT]")
                .doesNotContain("details in the log").containsOnlyOnce("[");
    }

    @Test
    void aForeseenFailureWithoutACodeOfItsOwnTakesTheFailedCodeNotTheUnexpectedOne() {
        String line = GridsideCommand.failureLine(new IllegalStateException("The disk is full."));

        assertThat(line).isEqualTo("The disk is full. The details are in the log; send them to support. "
                + "[FAILED]");
    }

    @Test
    void aFileThatCouldNotBeUsedIsNamedWithWhatTheSystemSaid() {
        String denied = FileFailures.line(new AccessDeniedException("/srv/out/report.csv"));
        String full = FileFailures.line(new FileSystemException("/media/usb/a.zip", null, "No space left on device"));

        assertThat(denied).isEqualTo("The file /srv/out/report.csv could not be used: permission denied. Check the "
                + "path and that you may read or write there. [FILE_ERROR]");
        assertThat(full).contains("/media/usb/a.zip", "no space left on device").endsWith("[FILE_ERROR]")
                .doesNotContain("UNEXPECTED");
    }

    @Test
    void anUncheckedFileFailureKeepsTheSentenceWrittenForItAndTakesTheFileCode() {
        String line = FileFailures.lineOrNull(new UncheckedIOException("The month could not be copied to /m",
                new AccessDeniedException("/m")));

        assertThat(line).isEqualTo("The month could not be copied to /m. [FILE_ERROR]");
        assertThat(FileFailures.lineOrNull(new IllegalStateException("no file here"))).isNull();
    }
}
