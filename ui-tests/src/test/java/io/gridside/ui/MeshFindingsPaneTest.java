package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.gridside.console.Formats;
import io.gridside.console.GridsideApp;
import io.gridside.console.I18n;
import io.gridside.console.mesh.MeshChoice;
import io.gridside.console.mesh.MeshFindings;
import io.gridside.console.mesh.MeshFindingsPane;
import io.gridside.site.mesh.LinkFinding;
import io.gridside.site.mesh.LinkQuality;
import io.gridside.site.mesh.MeshGraph;
import io.gridside.site.mesh.SinglePointsOfFailure.PointOfFailure;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The mesh's findings lists in a window of their own, on a hand-made mesh whose answers are known: the counts in
 * the tabs, a point of failure's customers and revenue, sorting by a column, and the radios and links a chosen row
 * hands to the map.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MeshFindingsPaneTest {

    private static final int WAIT_SECONDS = 60;

    private final AtomicReference<MeshChoice> chosen = new AtomicReference<>();
    private MeshGraph graph;
    private MeshFindings findings;
    private MeshFindingsPane pane;

    @Start
    void start(Stage stage) {
        graph = HandMadeMesh.graph();
        findings = MeshFindings.of(graph, LinkQuality.DEFAULTS, HandMadeMesh.CUSTOMERS, HandMadeMesh.DAILY_REVENUE);
        pane = new MeshFindingsPane();
        pane.setOnChosen(chosen::set);
        pane.setFindings(graph, findings, "KES");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(pane, 1000, 360);
        scene.getStylesheets().add(GridsideApp.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void countsEachListInItsTabAndPutsTheLargestCutFirst(FxRobot robot) throws IOException, TimeoutException {
        TableView<PointOfFailure> points = robot.lookup("#mesh-findings-points").queryTableView();

        assertThat(pane.getTabs()).extracting(tab -> tab.getText()).containsExactly(
                I18n.text("mesh.findings.tab.points", 2), I18n.text("mesh.findings.tab.weak", 2),
                I18n.text("mesh.findings.tab.oneWay", 1), I18n.text("mesh.findings.tab.singleRoute", 3),
                I18n.text("mesh.findings.tab.unreachable", 1));
        assertThat(points.getItems()).extracting(PointOfFailure::meterId).containsExactly("A", "C");
        PointOfFailure a = points.getItems().get(0);
        assertThat(a.cutOff()).containsExactly("B", "C", "D");
        assertThat(a.customers()).isEqualTo(2);
        assertThat(cellText(points, "col-revenue", 0)).isEqualTo(Formats.money(62_345, "KES"));
        assertThat(cellText(points, "col-cut-off-meters", 0)).isEqualTo("B, C, D");
        assertThat(Screens.save(pane.getScene(), "mesh-findings")).exists();
    }

    @Test
    void sortsByTheCountOfMetersCutOff(FxRobot robot) throws TimeoutException {
        TableView<PointOfFailure> points = robot.lookup("#mesh-findings-points").queryTableView();

        robot.clickOn(header(robot, "col-cut-off"));

        await("the smallest cut first after one click on its header", () -> String.valueOf(ids(points)),
                () -> ids(points).equals(List.of("C", "A")));
        robot.clickOn(header(robot, "col-cut-off"));
        await("the largest cut first after a second click", () -> String.valueOf(ids(points)),
                () -> ids(points).equals(List.of("A", "C")));
    }

    @Test
    void handsTheChosenPointOfFailureAndWhatItCutsOffToTheMap(FxRobot robot) throws TimeoutException {
        TableView<PointOfFailure> points = robot.lookup("#mesh-findings-points").queryTableView();

        robot.clickOn(row(robot, points, point -> point.meterId().equals("A")));

        await("a choice after clicking A's row", () -> String.valueOf(chosen.get()), () -> chosen.get() != null);
        int[] expectedNodes = {graph.indexOf("A"), graph.indexOf("B"), graph.indexOf("C"), graph.indexOf("D")};
        assertThat(chosen.get().nodes()).containsExactly(expectedNodes);
        assertThat(HandMadeMesh.linkNames(graph, chosen.get().links()))
                .containsExactlyInAnyOrder("B>A", "C>B", "C>A", "D>C");

        MeshChoice first = chosen.getAndSet(null);
        robot.doubleClickOn(row(robot, points, point -> point.meterId().equals("A")));
        await("the same choice again after a double click on the chosen row", () -> String.valueOf(chosen.get()),
                () -> first.equals(chosen.get()));
    }

    @Test
    void handsAOneWayLinkAndItsEndsToTheMap(FxRobot robot) throws TimeoutException {
        robot.interact(() -> pane.getSelectionModel().select(2));
        TableView<LinkFinding> oneWay = robot.lookup("#mesh-findings-one-way")
                .queryTableView();

        robot.clickOn(row(robot, oneWay, finding -> finding.from().equals("B")));

        await("a choice after clicking the one-way link's row", () -> String.valueOf(chosen.get()),
                () -> chosen.get() != null);
        assertThat(cellText(oneWay, "col-reason", 0)).isEqualTo(I18n.text("mesh.findings.reason.only", "B", "G"));
        int link = findings.oneWayLinks().get(0).link();
        assertThat(chosen.get().links()).containsExactly(link);
        assertThat(chosen.get().nodes()).containsExactly(graph.indexOf("B"), graph.indexOf("G"));
    }

    @Test
    void saysWhenAListIsEmpty(FxRobot robot) throws TimeoutException {
        robot.interact(() -> pane.setFindings(null, MeshFindings.none(), "KES"));

        TableView<PointOfFailure> points = robot.lookup("#mesh-findings-points").queryTableView();
        assertThat(points.getItems()).isEmpty();
        assertThat(pane.getTabs().get(0).getText()).isEqualTo(I18n.text("mesh.findings.tab.points", 0));
        assertThat(robot.lookup(I18n.text("mesh.findings.none")).tryQuery()).isPresent();
    }

    private static List<String> ids(TableView<PointOfFailure> table) {
        return table.getItems().stream().map(PointOfFailure::meterId).toList();
    }

    /** The text the column's cell shows in {@code row}, read from the cell on screen. */
    static String cellText(TableView<?> table, String columnId, int row) {
        return table.lookupAll(".table-cell").stream().map(TableCell.class::cast)
                .filter(cell -> cell.getTableColumn() != null && columnId.equals(cell.getTableColumn().getId())
                        && cell.getIndex() == row && !cell.isEmpty())
                .map(TableCell::getText).findFirst().orElse(null);
    }

    static Node header(FxRobot robot, String columnId) {
        return robot.lookup(".column-header").match(node -> columnId.equals(node.getId())).query();
    }

    @SuppressWarnings("unchecked")
    static <S> Node row(FxRobot robot, TableView<S> table, Predicate<S> which) throws TimeoutException {
        await("a row of " + table.getId() + " showing the wanted item", () -> String.valueOf(table.getItems()),
                () -> table.lookupAll(".table-row-cell").stream()
                        .anyMatch(node -> ((TableRow<S>) node).getItem() != null
                                && which.test(((TableRow<S>) node).getItem())));
        return table.lookupAll(".table-row-cell").stream()
                .filter(node -> ((TableRow<S>) node).getItem() != null && which.test(((TableRow<S>) node).getItem()))
                .findFirst().orElseThrow();
    }

    /** Waits up to a minute for {@code done}, failing with what the screen showed when it does not come. */
    static void await(String what, Supplier<String> shown, Supplier<Boolean> done) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> done.get());
        } catch (TimeoutException e) {
            throw new TimeoutException("Waited " + WAIT_SECONDS + " s for " + what + "; the screen showed "
                    + shown.get());
        }
    }
}
