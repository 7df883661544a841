package io.gridside.console.sync;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.I18n;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The status bar's sync state, always in sight: online or offline, how much waits, when the site last synced, and
 * a warning badge while items need attention. A click opens the Sync screen.
 */
public final class SyncIndicator extends HBox {

    /** How often "synced 4 min ago" moves on. */
    private static final Duration TICK = Duration.seconds(20);

    private final SyncViewModel model;
    private final Button state = new Button();
    private final Label badge = new Label();
    private final FontIcon icon = new FontIcon(Material2MZ.SYNC_DISABLED);
    private final Timeline ticker;

    /** An indicator of {@code model} that runs {@code openScreen} when clicked. */
    public SyncIndicator(SyncViewModel model, Runnable openScreen) {
        this.model = model;
        this.ticker = new Timeline(new KeyFrame(TICK, event -> model.tick()));
        createControls(openScreen);
        bind();
    }

    private void createControls(Runnable openScreen) {
        setId("status-sync-box");
        state.setId("status-sync");
        state.getStyleClass().add(Styles.FLAT);
        state.setGraphic(icon);
        state.setTooltip(new Tooltip());
        state.setOnAction(event -> openScreen.run());
        badge.setId("status-sync-attention");
        badge.setGraphic(new FontIcon(Material2MZ.WARNING));
        badge.getStyleClass().addAll("sync-badge", Styles.WARNING);
        badge.setOnMouseClicked(event -> openScreen.run());
        badge.setMinWidth(Region.USE_PREF_SIZE);
        state.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().setAll(state, badge);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(2);
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        Listening.stopWhenRemoved(this, ticker);
    }

    private void bind() {
        state.textProperty().bind(model.indicatorTextProperty());
        icon.iconCodeProperty().bind(Bindings.createObjectBinding(this::iconCode, model.configuredProperty(),
                model.onlineProperty(), model.runningProperty(), model.neverSyncedWithWaitingProperty()));
        // Online shows as the icon in the success colour, so the words are kept for offline, where they matter.
        state.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> I18n.text(
                "indicator.tooltip", I18n.text(tooltipState())), model.configuredProperty(),
                model.onlineProperty(), model.siteOpenProperty()));
        state.accessibleTextProperty().bind(state.getTooltip().textProperty());
        badge.textProperty().bind(Bindings.size(model.attention()).asString());
        badge.visibleProperty().bind(model.needsAttentionProperty());
        badge.managedProperty().bind(badge.visibleProperty());
        Tooltip attention = new Tooltip();
        attention.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.text("indicator.attention", model.attention().size()), model.attention()));
        badge.setTooltip(attention);
        Listening.onChange(this, model.onlineProperty(), (obs, was, now) -> styleOnline());
        Listening.onChange(this, model.configuredProperty(), (obs, was, now) -> styleOnline());
        Listening.onChange(this, model.neverSyncedWithWaitingProperty(), (obs, was, now) -> styleOnline());
        styleOnline();
    }

    private String tooltipState() {
        if (!model.siteOpenProperty().get()) {
            return "indicator.tooltip.noSite";
        }
        if (!model.configuredProperty().get()) {
            return "indicator.tooltip.notSetUp";
        }
        return model.onlineProperty().get() ? "indicator.tooltip.online" : "indicator.tooltip.offline";
    }

    private Ikon iconCode() {
        if (!model.configuredProperty().get()) {
            return Material2MZ.SYNC_DISABLED;
        }
        if (model.runningProperty().get()) {
            return Material2AL.CLOUD_UPLOAD;
        }
        if (!model.onlineProperty().get()) {
            return Material2AL.CLOUD_OFF;
        }
        // A check would say all is in the cloud; a site that never synced has none of its waiting items there.
        return model.neverSyncedWithWaitingProperty().get() ? Material2AL.CLOUD_QUEUE : Material2AL.CLOUD_DONE;
    }

    /** Online in the success colour; offline, or online with nothing ever synced, in the warning colour. */
    private void styleOnline() {
        state.getStyleClass().removeAll("sync-online", "sync-offline", "sync-pending");
        if (!model.configuredProperty().get()) {
            return;
        }
        if (!model.onlineProperty().get()) {
            state.getStyleClass().add("sync-offline");
        } else {
            state.getStyleClass().add(model.neverSyncedWithWaitingProperty().get() ? "sync-pending" : "sync-online");
        }
    }
}
