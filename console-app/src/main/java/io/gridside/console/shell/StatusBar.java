package io.gridside.console.shell;

import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.tasks.TaskListView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The link's state at a glance: transport and address, gateway, round-trip time, dropped frames; the cloud sync's
 * state; tasks.
 *
 * <p>No text is cut to an ellipsis: when a longer language or the high-contrast theme's larger text leaves too little
 * room, the link's figures give way whole, the least telling first (frames resent, dropped, the rate, the round
 * trip), and the link's tooltip still lists them all.
 */
public final class StatusBar extends HBox {

    private final SessionViewModel session;
    private final Label link = new Label();
    private final Label gateway = new Label();
    private final Label roundTrip = new Label();
    private final Label dropped = new Label();
    private final Label rate = new Label();
    private final Label resent = new Label();
    private final Node sync;
    private final Node settingsMenu;
    /** The link's figures, the most telling first: the last gives way first when the bar is short of room. */
    private final List<Figure> figures = new ArrayList<>();

    /** A figure of the link, shown while the link's state calls for it and the bar has room for it. */
    private record Figure(Label label, ObservableBooleanValue wanted, BooleanProperty room) {

        Figure(Label label, ObservableBooleanValue wanted) {
            this(label, wanted, new SimpleBooleanProperty(true));
        }
    }

    /** A status bar of {@code session} that shows {@code sync}, the cloud sync's indicator, beside the tasks. */
    public StatusBar(SessionViewModel session, Node sync) {
        this(session, sync, null);
    }

    /** As {@link #StatusBar(SessionViewModel, Node)}, with {@code settingsMenu} first when it is not null. */
    public StatusBar(SessionViewModel session, Node sync, Node settingsMenu) {
        this.session = session;
        this.sync = sync;
        this.settingsMenu = settingsMenu;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        link.setId("status-link");
        link.setGraphic(new FontIcon(Material2AL.DEVICE_HUB));
        gateway.setId("status-gateway");
        roundTrip.setId("status-rtt");
        dropped.setId("status-dropped");
        // Short words beside a tooltip, so that the link's figures and the sync indicator share a 1280-pixel bar.
        dropped.setTooltip(new Tooltip(I18n.text("status.frames")));
        resent.setTooltip(dropped.getTooltip());
        rate.setId("status-rate");
        resent.setId("status-resent");
    }

    private void layoutControls() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        LinkDetailsView details = new LinkDetailsView(session.journal());
        TaskListView taskList = new TaskListView(session.tasks());
        details.setMinWidth(Region.USE_PREF_SIZE);
        taskList.setMinWidth(Region.USE_PREF_SIZE);
        link.setMinWidth(Region.USE_PREF_SIZE);
        gateway.setMinWidth(Region.USE_PREF_SIZE);
        for (Label figure : List.of(roundTrip, rate, resent, dropped)) {
            figure.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().setAll(link, gateway, roundTrip, rate, resent, dropped, spacer, sync, details, taskList);
        if (settingsMenu != null) {
            // First in the bar, where a longer language's words cannot push it out of a narrow window.
            getChildren().add(0, settingsMenu);
        }
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
    }

    private void bind() {
        link.textProperty().bind(Bindings.createStringBinding(this::linkText, session.stateProperty(),
                session.linkLabelProperty()));
        gateway.textProperty().bind(Bindings.createStringBinding(() -> session.helloProperty().get() == null
                ? "" : I18n.text("status.gateway", session.helloProperty().get().gatewayId()),
                session.helloProperty()));
        roundTrip.textProperty().bind(Bindings.createStringBinding(() -> rttText(session.roundTripProperty().get()),
                session.roundTripProperty()));
        dropped.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.text("status.dropped", session.framesDroppedProperty().get()),
                session.framesDroppedProperty()));
        rate.textProperty().bind(Bindings.createStringBinding(() -> I18n.text("status.rate",
                Formats.number(Math.round(session.bytesPerSecondProperty().get()))), session.bytesPerSecondProperty()));

        resent.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.text("status.resent", session.retransmissionsProperty().get()),
                session.retransmissionsProperty()));
        gateway.visibleProperty().bind(session.helloProperty().isNotNull());
        gateway.managedProperty().bind(gateway.visibleProperty());
        BooleanBinding connected = session.stateProperty().isEqualTo(LinkState.CONNECTED);
        figures.add(new Figure(roundTrip, connected));
        figures.add(new Figure(rate, connected));
        figures.add(new Figure(dropped, session.stateProperty().isNotEqualTo(LinkState.DISCONNECTED)));
        figures.add(new Figure(resent, connected));
        for (Figure figure : figures) {
            figure.label().visibleProperty().bind(Bindings.and(figure.wanted(), figure.room()));
            figure.label().managedProperty().bind(figure.label().visibleProperty());
            figure.label().textProperty().addListener(changed -> fit());
        }
        link.textProperty().addListener(changed -> fit());
        gateway.textProperty().addListener(changed -> fit());
        widthProperty().addListener(changed -> fit());
        link.setTooltip(new Tooltip());
        link.getTooltip().textProperty().bind(Bindings.createStringBinding(this::everyFigure, link.textProperty(),
                gateway.textProperty(), roundTrip.textProperty(), rate.textProperty(), resent.textProperty(),
                dropped.textProperty()));
    }

    /** Gives the figures back their room, then takes it from the least telling until the bar's texts fit whole. */
    private void fit() {
        figures.forEach(figure -> figure.room().set(true));
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        for (int i = figures.size() - 1; i >= 0 && needed() > room; i--) {
            figures.get(i).room().set(false);
        }
    }

    /** The width the bar's shown texts and buttons take side by side, each whole. */
    private double needed() {
        List<Node> shown = getChildren().stream().filter(Node::isManaged).toList();
        // Each width as the layout snaps it to whole pixels, and a pixel more: a text short of its width by a
        // fraction would still be cut.
        return shown.stream().mapToDouble(node -> snapSizeX(node.prefWidth(-1)) + 1).sum()
                + snapSpaceX(getSpacing()) * Math.max(0, shown.size() - 1);
    }

    /** The link's texts one to a line, the figures the bar may have had no room for among them. */
    private String everyFigure() {
        return Stream.of(link, gateway, roundTrip, rate, resent, dropped).map(Label::getText)
                .filter(text -> text != null && !text.isEmpty()).collect(Collectors.joining("\n"));
    }

    private String linkText() {
        return switch (session.stateProperty().get()) {
            case DISCONNECTED -> I18n.text("status.disconnected");
            case CONNECTING -> I18n.text("status.connecting");
            case CONNECTED -> session.linkLabelProperty().get();
            case SEARCHING -> I18n.text("status.searching") + " \u2013 " + session.linkLabelProperty().get();
            case LOST -> I18n.text("status.lost") + " \u2013 " + session.linkLabelProperty().get();
        };
    }

    private static String rttText(Duration rtt) {
        return rtt == null ? I18n.text("status.rtt.unknown")
                : I18n.text("status.rtt", Formats.decimal(rtt.toNanos() / 1e6, 1));
    }
}
