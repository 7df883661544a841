package io.gridside.ui;

import static io.gridside.ui.MeshFindingsPaneTest.await;
import static io.gridside.ui.MeshFindingsPaneTest.cellText;
import static io.gridside.ui.MeshFindingsPaneTest.header;
import static io.gridside.ui.MeshFindingsPaneTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.gridside.console.Formats;
import io.gridside.console.GridsideApp;
import io.gridside.console.I18n;
import io.gridside.console.mesh.MeshChoice;
import io.gridside.console.mesh.MeterRadio;
import io.gridside.console.mesh.MeterRadioPanel;
import io.gridside.console.mesh.MeterRadios;
import io.gridside.site.mesh.LinkQuality;
import io.gridside.site.mesh.MeshGraph;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The chosen meter's radio panel in a window of its own, showing meter B of a hand-made mesh with a day of history:
 * its title, neighbours both ways and their sorting, route, parents, signal, the choice a row hands to the map, and
 * what it says with nothing to show.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MeterRadioPanelTest {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    private final AtomicReference<MeshChoice> chosen = new AtomicReference<>();
    private MeshGraph graph;
    private MeterRadioPanel panel;

    @Start
    void start(Stage stage) {
        graph = HandMadeMesh.graph();
        panel = new MeterRadioPanel();
        panel.setZone(NAIROBI);
        panel.setOnChosen(chosen::set);
        panel.show(MeterRadios.of(graph, "B", List.of(HandMadeMesh.day()), LinkQuality.DEFAULTS)
                .withCustomer("C-0002 Wanjiru"));
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(panel, 380, 700);
        scene.getStylesheets().add(GridsideApp.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTheMeterItsNeighboursBothWaysAndItsRoute(FxRobot robot) throws IOException, TimeoutException {
        TableView<MeterRadio.Neighbour> neighbours = robot.lookup("#mesh-radio-neighbours").queryTableView();
        ListView<MeterRadio.Hop> route = robot.lookup("#mesh-radio-route").queryListView();

        assertThat(robot.lookup("#mesh-radio-title").queryAs(Label.class).getText())
                .isEqualTo(I18n.text("mesh.radio.titleCustomer", "B", "C-0002 Wanjiru"));
        assertThat(robot.lookup("#mesh-radio-facts").queryAs(Label.class).getText())
                .isEqualTo(I18n.text("mesh.radio.hops", 2));
        assertThat(names(neighbours)).containsExactly("A", "C", "G");
        await("G's row on screen", () -> String.valueOf(names(neighbours)),
                () -> cellText(neighbours, "col-rssi-in", 2) != null);
        assertThat(cellText(neighbours, "col-neighbour", 0)).isEqualTo(I18n.text("mesh.radio.role.PARENT", "A"));
        assertThat(cellText(neighbours, "col-rssi-out", 2)).isEqualTo("-70");
        assertThat(cellText(neighbours, "col-rssi-in", 2)).isEqualTo("-95");
        assertThat(cellText(neighbours, "col-grade", 2)).isEqualTo(I18n.text("mesh.radio.grade.UNUSABLE"));
        assertThat(route.getItems()).extracting(hop -> hop.fromId() + ">" + hop.toId()).containsExactly("B>A", "A>G");
        assertThat(Screens.save(panel.getScene(), "mesh-radio-panel")).exists();
    }

    @Test
    void sortsNeighboursByTheSignalTheMeterReceives(FxRobot robot) throws TimeoutException {
        TableView<MeterRadio.Neighbour> neighbours = robot.lookup("#mesh-radio-neighbours").queryTableView();

        robot.clickOn(header(robot, "col-rssi-in"));

        await("the weakest signal in first after one click", () -> String.valueOf(names(neighbours)),
                () -> names(neighbours).equals(List.of("G", "C", "A")));
        robot.clickOn(header(robot, "col-rssi-in"));
        await("the strongest signal in first after a second click", () -> String.valueOf(names(neighbours)),
                () -> names(neighbours).equals(List.of("A", "C", "G")));
    }

    @Test
    void handsTheChosenNeighbourAndTheirLinkToTheMap(FxRobot robot) throws TimeoutException {
        TableView<MeterRadio.Neighbour> neighbours = robot.lookup("#mesh-radio-neighbours").queryTableView();

        robot.clickOn(row(robot, neighbours, neighbour -> neighbour.neighbourId().equals("C")));

        await("a choice after clicking C's row", () -> String.valueOf(chosen.get()), () -> chosen.get() != null);
        assertThat(chosen.get().nodes()).containsExactly(graph.indexOf("B"), graph.indexOf("C"));
        assertThat(HandMadeMesh.linkNames(graph, chosen.get().links())).containsExactly("C>B");
    }

    @Test
    void handsAHopOfTheRouteToTheMap(FxRobot robot) throws TimeoutException {
        robot.interact(() -> robot.lookup("#mesh-radio-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        ListView<MeterRadio.Hop> route = robot.lookup("#mesh-radio-route").queryListView();
        await("the route's second hop on screen", () -> String.valueOf(route.getItems()),
                () -> route.lookupAll(".list-cell").stream()
                        .anyMatch(cell -> ((ListCell<?>) cell).getIndex() == 1 && !((ListCell<?>) cell).isEmpty()));
        Node second = route.lookupAll(".list-cell").stream()
                .filter(cell -> ((ListCell<?>) cell).getIndex() == 1).findFirst().orElseThrow();

        robot.clickOn(second);

        await("a choice after clicking the hop A to G", () -> String.valueOf(chosen.get()), () -> chosen.get() != null);
        assertThat(chosen.get().nodes()).containsExactly(graph.indexOf("A"), graph.indexOf("G"));
        assertThat(HandMadeMesh.linkNames(graph, chosen.get().links())).containsExactly("A>G");
    }

    @Test
    void listsTheParentsTakenAndChartsTheSignalBothWays(FxRobot robot) throws IOException, TimeoutException {
        robot.interact(() -> robot.lookup("#mesh-radio-tabs").queryAs(TabPane.class).getSelectionModel().select(2));
        ListView<MeterRadio.ParentChange> parents = robot.lookup("#mesh-radio-parents").queryListView();
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#mesh-radio-signal").queryAs(LineChart.class);

        assertThat(parents.getItems()).extracting(MeterRadio.ParentChange::parentId).containsExactly("A", "G", "A");
        assertThat(robot.lookup(I18n.text("mesh.radio.parents.took",
                Formats.siteTime(HandMadeMesh.DAY_START.plusSeconds(900), NAIROBI), "G")).tryQuery()).isPresent();
        assertThat(chart.getData()).hasSize(2);
        assertThat(chart.getData().get(0).getData()).extracting(point -> point.getYValue().intValue())
                .as("held until the next sample").containsExactly(-64, -64, -71, -71, -65);
        assertThat(chart.getData().get(1).getData()).extracting(point -> point.getYValue().intValue())
                .containsExactly(-67, -67, -93, -93, -66);
        robot.interact(() -> robot.lookup("#mesh-radio-tabs").queryAs(TabPane.class).getSelectionModel().select(3));
        assertThat(Screens.save(panel.getScene(), "mesh-radio-signal")).exists();
    }

    @Test
    void saysWhenNoHistoryWasPulledAndWhenNoMeterIsChosen(FxRobot robot) {
        ListView<MeterRadio.Hop> route = robot.lookup("#mesh-radio-route").queryListView();
        TableView<MeterRadio.Neighbour> neighbours = robot.lookup("#mesh-radio-neighbours").queryTableView();

        robot.interact(() -> panel.show(MeterRadios.of(graph, "E", List.of(), LinkQuality.DEFAULTS)));

        assertThat(robot.lookup("#mesh-radio-facts").queryAs(Label.class).getText())
                .isEqualTo(I18n.text("mesh.radio.noRoute"));
        assertThat(names(neighbours)).containsExactly("G");
        assertThat(route.getItems()).isEmpty();
        assertThat(((Label) route.getPlaceholder()).getText()).isEqualTo(I18n.text("mesh.radio.route.none"));
        assertThat(robot.lookup("#mesh-radio-signal").queryAs(LineChart.class).getTitle())
                .isEqualTo(I18n.text("mesh.radio.history.none"));

        robot.interact(panel::clear);

        assertThat(robot.lookup("#mesh-radio-title").queryAs(Label.class).getText())
                .isEqualTo(I18n.text("mesh.radio.choose"));
        assertThat(neighbours.getItems()).isEmpty();
        assertThat(((Label) neighbours.getPlaceholder()).getText()).as("no meter chosen, not one without neighbours")
                .isEqualTo(I18n.text("mesh.radio.route.empty"));
        assertThat(panel.shown()).isNull();
    }

    private static List<String> names(TableView<MeterRadio.Neighbour> table) {
        return table.getItems().stream().map(MeterRadio.Neighbour::neighbourId).toList();
    }
}
