package io.gridside.console.firmware;

import io.gridside.console.Listening;
import io.gridside.console.I18n;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;

/**
 * The Firmware screen: installed versions, the image and its checks, the gateway's update, the meter campaign and
 * the history, one tab each. Controls and bindings only: the state lives in {@link FirmwareViewModel}. While the
 * screen shows, a timer asks the gateway every few seconds how a campaign under way stands.
 */
public final class FirmwareView extends BorderPane {

    /** How often the screen asks the gateway about a campaign under way. */
    private static final Duration POLL = Duration.seconds(3);

    private final FirmwareViewModel model;
    private final TabPane tabs = new TabPane();
    private final Timeline poll;

    public FirmwareView(FirmwareViewModel model) {
        this.model = model;
        this.poll = new Timeline(new KeyFrame(POLL, event -> model.campaign().poll()));
        createControls();
        bind();
    }

    private void createControls() {
        setId("firmware-view");
        tabs.setId("fw-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(
                tab("fleet", new FleetPane(model)),
                tab("image", new ImagePane(model)),
                tab("gateway", new GatewayPane(model)),
                tab("campaign", new CampaignPane(model.campaign(), model.source())),
                tab("history", new HistoryPane(model)));
        poll.setCycleCount(Animation.INDEFINITE);
        Listening.stopWhenRemoved(this, poll);
        setCenter(tabs);
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        Tab tab = new Tab(I18n.text("firmware.tab." + name), content);
        tab.setId("fw-tab-" + name);
        return tab;
    }

    private void bind() {
        // A screen built while its button is selected already (a start on this screen) never sees its visibility
        // change: it is bound to the button before it joins the frame, so it reads once it has a scene.
        sceneProperty().addListener((obs, old, scene) -> {
            if (old == null && scene != null && isVisible()) {
                model.shown();
                poll.play();
            }
        });
        visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                model.shown();
                poll.play();
            } else {
                model.hidden();
                poll.stop();
            }
        });
    }

    /** Brings the tab {@code name} (fleet, image, gateway, campaign or history) to the front. */
    public void showTab(String name) {
        tabs.getTabs().stream().filter(tab -> tab.getId().equals("fw-tab-" + name)).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab));
    }
}
