package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.VeeQueue;
import io.gridside.site.Reading;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.ExceptionDecision;
import io.gridside.site.vee.ExceptionOutcome;
import io.gridside.site.vee.RawRead;
import io.gridside.site.vee.ReadRule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The exceptions screen on a simulated site whose database holds a hand read that a pulled reading contradicts:
 * the conflict shows in the queue, a supervisor overrides it with a reason, and it leaves the open queue while the
 * site database keeps the decision with who, when and why.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExceptionsQueueTest {

    private static final int METERS = 12;

    @TempDir
    static Path home;

    private SiteConsole console;
    private InetSocketAddress address;

    @Start
    void start(Stage stage) throws IOException {
        // The headless screen is 1280 wide, a little narrower than the 1366 x 768 laptops the console must fit.
        stage.setWidth(1280);
        stage.setHeight(768);
        console = SiteConsole.open(stage, home, METERS, 23);
        address = console.site().listenTcp(0);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private Path database() {
        return console.dirs().siteDatabase(console.site().gateway().profile().siteId());
    }

    /** Keeps a read of the meter at a pulled reading's end that says 500 Wh more, as an earlier hand read might. */
    private RawRead plantContradictingHandRead() {
        try (SiteStore store = SiteStore.open(database())) {
            Reading pulled = store.readings(Instant.EPOCH, VeeQueue.END_OF_TIME).get(0);
            RawRead hand = new RawRead(pulled.meterId(), pulled.intervalEnd(), pulled.registerWh() + 500);
            store.insertRawReads(List.of(hand));
            return RawRead.endOf(pulled);
        }
    }

    @Test
    void aConflictingReadIsOverriddenWithAReasonAndLeavesTheOpenQueue(FxRobot robot) throws Exception {
        ConnectScreen.connect(robot, address.getPort(), METERS);
        RawRead contradicted = plantContradictingHandRead();

        robot.clickOn("#nav-exceptions");
        TableView<VeeQueue.Item> queue = robot.lookup("#exceptions-table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> queue.getItems().stream()
                .anyMatch(i -> i.exception().rule() == ReadRule.CONFLICTING_READ));
        robot.clickOn("#exceptions-kind");
        // The popup's entry, not the table's cell of the same words.
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> cell) -> "Conflicting read".equals(cell.getText())).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().stream()
                .allMatch(i -> i.exception().rule() == ReadRule.CONFLICTING_READ));

        assertThat(queue.getItems()).singleElement().satisfies(item -> {
            assertThat(item.exception().read()).isEqualTo(contradicted);
            assertThat(item.exception().detail()).contains((contradicted.registerWh() + 500) + " Wh");
            assertThat(item.customerId()).isNotBlank();
            assertThat(item.open()).isTrue();
        });
        clickFirstRow(robot, "#exceptions-table");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#exception-detail").queryAs(Label.class).getText())
                .contains(contradicted.meterId(), "Conflicting read");
        ListView<String> reads = robot.lookup("#exception-reads").queryListView();
        assertThat(reads.getItems())
                .anyMatch(line -> line.contains((contradicted.registerWh() + 500) + " Wh") && line.contains("held"));
        Screens.save(queue.getScene(), "exceptions-queue");

        long standing = contradicted.registerWh() + 7;
        robot.clickOn("#exception-value").write(Long.toString(standing));
        robot.clickOn("#exception-override");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#exceptions-message").queryAs(Label.class).getText())
                .as("no decision without a reason").contains("Give a reason");
        assertThat(queue.getItems()).hasSize(1);

        robot.clickOn("#exception-reason").write("Read the register on site: it stood 7 Wh above the pulled read");
        robot.clickOn("#exception-override");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> queue.getItems().isEmpty());
        try (SiteStore store = SiteStore.open(database())) {
            assertThat(store.exceptionDecisions()).singleElement().satisfies(decision -> {
                assertThat(decision.meterId()).isEqualTo(contradicted.meterId());
                assertThat(decision.readAt()).isEqualTo(contradicted.at());
                assertThat(decision.rule()).isEqualTo(ReadRule.CONFLICTING_READ);
                assertThat(decision.outcome()).isEqualTo(ExceptionOutcome.OVERRIDDEN);
                assertThat(decision.registerWh()).isEqualTo(standing);
                assertThat(decision.by()).isEqualTo("demo-supervisor");
                assertThat(decision.why()).startsWith("Read the register on site");
                assertThat(decision.decidedAt()).isAfter(Instant.now().minusSeconds(120));
            });
        }

        robot.clickOn("#exceptions-show-decided");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(queue.getItems()).singleElement().satisfies(item -> {
            ExceptionDecision decision = item.decision();
            assertThat(decision).isNotNull();
            assertThat(decision.registerWh()).isEqualTo(standing);
        });
        Screens.save(queue.getScene(), "exceptions-decided");
    }

    /** Clicks a table's first row once the table has laid it out, which may come a pulse after its items. */
    private static void clickFirstRow(FxRobot robot, String table) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(table + " .table-row-cell")
                .match((TableRow<?> row) -> row.isVisible() && row.getIndex() == 0 && row.getItem() != null)
                .tryQuery().isPresent());
        robot.clickOn(robot.lookup(table + " .table-row-cell")
                .match((TableRow<?> row) -> row.isVisible() && row.getIndex() == 0).queryAs(Node.class));
    }
}
