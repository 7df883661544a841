package io.gridside.console.shell;

import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.tasks.TaskListView;
import java.time.Duration;
import javafx.beans.binding.Bindings;
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
        rate.visibleProperty().bind(session.stateProperty().isEqualTo(LinkState.CONNECTED));
        resent.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.text("status.resent", session.retransmissionsProperty().get()),
                session.retransmissionsProperty()));
        resent.visibleProperty().bind(session.stateProperty().isEqualTo(LinkState.CONNECTED));
        gateway.visibleProperty().bind(session.helloProperty().isNotNull());
        roundTrip.visibleProperty().bind(session.stateProperty().isEqualTo(LinkState.CONNECTED));
        dropped.visibleProperty().bind(session.stateProperty().isNotEqualTo(LinkState.DISCONNECTED));
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
