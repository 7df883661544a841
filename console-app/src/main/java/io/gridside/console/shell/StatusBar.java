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
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The link's state at a glance: transport and address, gateway, round-trip time, dropped frames; the cloud sync's
 * state; tasks.
 *
 * <p>The bar keeps to one line and cuts no text to an ellipsis: when a longer language or the high-contrast theme's
 * larger text leaves too little room, the link's least useful figures are left out whole, the frames resent first,
 * then the rate, the frames dropped, the round trip and the gateway; the transport and address always show. The
 * link's tooltip lists every figure, with the long form of the frame counts.
 */
public final class StatusBar extends HBox {

    private final SessionViewModel session;
    private final Label link = new Label();
    private final Label gateway = new Label();
    private final Label roundTrip = new Label();
    private final Label dropped = new Label();
    private final Label rate = new Label();
    private final Label resent = new Label();
    private final LinkFigures linkTexts = new LinkFigures();
    private final Node sync;
    private final Node settingsMenu;

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
        link.setMinWidth(Region.USE_PREF_SIZE);
        gateway.setId("status-gateway");
        roundTrip.setId("status-rtt");
        dropped.setId("status-dropped");
        // Short words beside a tooltip, so that the link's figures and the sync indicator share a 1280-pixel bar.
        dropped.setTooltip(new Tooltip(I18n.text("status.frames")));
        resent.setTooltip(dropped.getTooltip());
        rate.setId("status-rate");
        resent.setId("status-resent");
        linkTexts.setId("status-link-texts");
    }

    private void layoutControls() {
        LinkDetailsView details = new LinkDetailsView(session.journal());
        TaskListView taskList = new TaskListView(session.tasks());
        linkTexts.getChildren().setAll(link, gateway, roundTrip, rate, resent, dropped);
        linkTexts.leaveOutFirst(resent, rate, dropped, roundTrip, gateway);
        linkTexts.gap.bind(spacingProperty());
        HBox.setHgrow(linkTexts, Priority.ALWAYS);
        for (Node whole : List.of(sync, details, taskList)) {
            if (whole instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        getChildren().setAll(linkTexts, sync, details, taskList);
        if (settingsMenu != null) {
            // First in the bar, where a longer language's words cannot push it out of a narrow window.
            getChildren().add(0, settingsMenu);
            if (settingsMenu instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
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

        BooleanBinding connected = session.stateProperty().isEqualTo(LinkState.CONNECTED);
        show(gateway, session.helloProperty().isNotNull());
        show(roundTrip, connected);
        show(rate, connected);
        show(dropped, session.stateProperty().isNotEqualTo(LinkState.DISCONNECTED));
        show(resent, connected);

        link.setTooltip(new Tooltip());
        link.getTooltip().textProperty().bind(Bindings.createStringBinding(this::everyFigure, link.textProperty(),
                gateway.textProperty(), roundTrip.textProperty(), rate.textProperty(), resent.textProperty(),
                dropped.textProperty()));
    }

    /** The width the link's texts take: where notices may lie over the bar and leave its buttons free. */
    public ReadOnlyDoubleProperty linkWidthProperty() {
        return linkTexts.widthProperty();
    }

    /** Lays {@code figure} out while {@code wanted}; whether it then shows is the room's to say. */
    private static void show(Label figure, ObservableBooleanValue wanted) {
        figure.setMinWidth(Region.USE_PREF_SIZE);
        figure.managedProperty().bind(wanted);
    }

    /** The link's texts one to a line, with the frame counts' long form. */
    private String everyFigure() {
        return Stream.concat(Stream.of(link, gateway, roundTrip, rate, resent, dropped).map(Label::getText),
                Stream.of(I18n.text("status.frames")))
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

    /**
     * The link's texts on one line, each whole or left out: the first always shows, and the others named by
     * {@link #leaveOutFirst} go in that order while the line is too narrow for the rest. A text left out stays in
     * the pane, unseen, so its words keep following the link for the tooltip.
     */
    private static final class LinkFigures extends Pane {

        private final DoubleProperty gap = new SimpleDoubleProperty();
        private List<Node> leftOutFirst = List.of();

        LinkFigures() {
            gap.addListener((obs, old, now) -> requestLayout());
        }

        void leaveOutFirst(Node... figures) {
            leftOutFirst = List.of(figures);
            requestLayout();
        }

        @Override
        protected double computeMinWidth(double height) {
            List<Node> laid = getManagedChildren();
            return getInsets().getLeft() + getInsets().getRight() + (laid.isEmpty() ? 0 : laid.get(0).prefWidth(-1));
        }

        @Override
        protected double computePrefWidth(double height) {
            return getInsets().getLeft() + getInsets().getRight() + width(getManagedChildren());
        }

        @Override
        protected double computePrefHeight(double width) {
            double tallest = getManagedChildren().stream().mapToDouble(node -> node.prefHeight(-1)).max().orElse(0);
            return getInsets().getTop() + getInsets().getBottom() + tallest;
        }

        @Override
        protected void layoutChildren() {
            Insets insets = getInsets();
            List<Node> shown = new ArrayList<>(getManagedChildren());
            double room = getWidth() - insets.getLeft() - insets.getRight();
            for (Node figure : leftOutFirst) {
                if (width(shown) <= room) {
                    break;
                }
                shown.remove(figure);
            }
            getChildren().forEach(child -> child.setVisible(shown.contains(child)));
            double x = insets.getLeft();
            double height = getHeight() - insets.getTop() - insets.getBottom();
            for (Node figure : shown) {
                double width = figure.prefWidth(-1);
                double figureHeight = Math.min(height, figure.prefHeight(width));
                figure.resizeRelocate(snapPositionX(x), snapPositionY(insets.getTop() + (height - figureHeight) / 2),
                        snapSizeX(width), snapSizeY(figureHeight));
                x += width + gap.get();
            }
        }

        /** The width of {@code figures} side by side. */
        private double width(List<Node> figures) {
            double sum = figures.stream().mapToDouble(node -> node.prefWidth(-1)).sum();
            return figures.isEmpty() ? 0 : sum + gap.get() * (figures.size() - 1);
        }
    }
}
