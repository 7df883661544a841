package io.gridside.console.shell;

import atlantafx.base.theme.Styles;
import io.gridside.console.I18n;
import io.gridside.console.cash.CashDeskView;
import io.gridside.console.commission.CommissionStart;
import io.gridside.console.commission.CommissionTexts;
import io.gridside.console.commission.CommissionView;
import io.gridside.console.connect.ConnectView;
import io.gridside.console.customers.CustomersView;
import io.gridside.console.dashboard.DashboardView;
import io.gridside.console.importing.ImportsView;
import io.gridside.console.mesh.MeshView;
import io.gridside.console.replace.ReplaceGatewayView;
import io.gridside.console.replace.ReplaceGatewayViewModel;
import io.gridside.console.exceptions.ExceptionsView;
import io.gridside.console.firmware.FirmwareView;
import io.gridside.console.meters.MetersView;
import io.gridside.console.tariffs.TariffsView;
import io.gridside.console.reconcile.ReconcileView;
import io.gridside.console.replay.ReplayView;
import io.gridside.console.sync.SyncIndicator;
import io.gridside.console.sync.SyncView;
import io.gridside.console.sync.SyncViewModel;
import io.gridside.console.tasks.TaskNotices;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The console's frame: the connect screen until a gateway answers, then the site's screens, and the status bar. */
public final class MainView extends BorderPane {

    /** The width the site's name keeps however narrow the window, before the navigation gives way. */
    private static final double TITLE_MIN_WIDTH = 220;
    /** Between the settings menu and the notices laid over the status bar. */
    private static final double NOTICES_GAP = 8;

    private final SessionViewModel session;
    private final Node settingsMenu;
    private final ConnectView connectView;
    private final ScreenModels models;
    private final SyncViewModel syncModel;
    private final CommissionView commissionView;
    private final BooleanProperty commissioning = new SimpleBooleanProperty();
    private final ReplaceGatewayView replaceView;
    private final BooleanProperty replacing = new SimpleBooleanProperty();
    private final Button connectCommission = new Button(CommissionTexts.text("connect.commission"),
            new FontIcon(Material2AL.ASSIGNMENT_TURNED_IN));
    private final StackPane content = new StackPane();
    private final Label siteTitle = new Label();
    private final ToggleButton dashboardButton = new ToggleButton(I18n.text("nav.dashboard"));
    private final ToggleButton metersButton = new ToggleButton(I18n.text("nav.meters"));
    private final ToggleButton meshButton = new ToggleButton(I18n.text("nav.mesh"),
            new FontIcon(Material2AL.DEVICE_HUB));
    private final ToggleButton replayButton = new ToggleButton(I18n.text("nav.replay"),
            new FontIcon(Material2AL.HISTORY));
    private final ToggleButton customersButton = new ToggleButton(I18n.text("nav.customers"));
    private final ToggleButton cashButton = new ToggleButton(I18n.text("nav.cash"));
    private final ToggleButton importsButton = new ToggleButton(I18n.text("nav.imports"));
    private final ToggleButton tariffsButton = new ToggleButton(I18n.text("nav.tariffs"));
    private final ToggleButton exceptionsButton = new ToggleButton(I18n.text("nav.exceptions"));
    private final ToggleButton reconcileButton = new ToggleButton(I18n.text("nav.reconcile"));
    private final ToggleButton firmwareButton = new ToggleButton(I18n.text("nav.firmware"),
            new FontIcon(Material2MZ.SYSTEM_UPDATE_ALT));
    private final ToggleButton syncButton = new ToggleButton(I18n.text("nav.sync"), new FontIcon(Material2MZ.SYNC));
    private final Button refreshButton = new Button(I18n.text("nav.refresh"), new FontIcon(Material2MZ.REFRESH));
    private final Button disconnectButton = new Button(I18n.text("nav.disconnect"),
            new FontIcon(Material2AL.LINK_OFF));
    private final Label problemText = new Label();
    private final Button reconnectButton = new Button(I18n.text("link.reconnect"));
    private final Button stopSearchButton = new Button(I18n.text("link.stopSearch"));
    private final ProgressIndicator searching = new ProgressIndicator();
    private final HBox problemBanner = new HBox();
    private final VBox siteView = new VBox();
    private final VBox connectLayer = new VBox();
    private final TaskNotices notices;
    /** Kept here: the binding it listens to is held weakly by the session's state. */
    private SiteScreens siteScreens;

    public MainView(SessionViewModel session) {
        this(session, CommissionStart.forSession(session));
    }

    /** The frame whose Commissioning screen starts as {@code commission} says: the demo's fresh site, or a real day. */
    public MainView(SessionViewModel session, CommissionStart commission) {
        this(session, ScreenModels.of(session, commission), null);
    }

    /**
     * The frame's screens built on {@code models}, with {@code settingsMenu} (the language and theme choice; null
     * for none) at the end of the status bar.
     */
    public MainView(SessionViewModel session, ScreenModels models, Node settingsMenu) {
        this.session = session;
        this.settingsMenu = settingsMenu;
        this.commissionView = new CommissionView(models.commission());
        this.replaceView = new ReplaceGatewayView(ReplaceGatewayViewModel.of(session.tasks(), session.dirs(),
                session.credentialFile()));
        this.connectView = new ConnectView(models.connect());
        this.models = models;
        this.syncModel = models.sync();
        this.notices = new TaskNotices(session.tasks());
        createControls();
        layoutControls();
        bind();
    }

    /**
     * The name of the screen shown, as {@link #show} takes it: "commission", "replace-gateway", or a site screen's
     * ("mesh", ...).
     */
    public String shown() {
        if (commissioning.get() && replacing.get()) {
            return "replace-gateway";
        }
        if (commissioning.get()) {
            return "commission";
        }
        return navButtons().stream().filter(ToggleButton::isSelected).findFirst()
                .map(button -> button.getId().substring("nav-".length())).orElse("dashboard");
    }

    /**
     * Shows the site screen whose navigation button is {@code nav-NAME} ("meters", "mesh", ...) once a gateway has
     * answered; an unknown name leaves the dashboard.
     */
    public void show(String name) {
        replacing.set("replace-gateway".equals(name));
        commissioning.set("commission".equals(name) || replacing.get());
        for (ToggleButton button : navButtons()) {
            if (button.getId().equals("nav-" + name)) {
                button.setSelected(true);
            }
        }
    }

    private void createControls() {
        siteTitle.getStyleClass().add(Styles.TITLE_3);
        siteTitle.setId("site-title");
        // A name of common length stays whole; a longer one is cut, and its tooltip holds all of it.
        siteTitle.setMinWidth(TITLE_MIN_WIDTH);
        siteTitle.setTooltip(new Tooltip());
        ToggleGroup navigation = new ToggleGroup();
        dashboardButton.setToggleGroup(navigation);
        metersButton.setToggleGroup(navigation);
        meshButton.setToggleGroup(navigation);
        replayButton.setToggleGroup(navigation);
        customersButton.setToggleGroup(navigation);
        cashButton.setToggleGroup(navigation);
        importsButton.setToggleGroup(navigation);
        tariffsButton.setToggleGroup(navigation);
        exceptionsButton.setToggleGroup(navigation);
        reconcileButton.setToggleGroup(navigation);
        firmwareButton.setToggleGroup(navigation);
        syncButton.setToggleGroup(navigation);
        dashboardButton.setId("nav-dashboard");
        metersButton.setId("nav-meters");
        meshButton.setId("nav-mesh");
        replayButton.setId("nav-replay");
        customersButton.setId("nav-customers");
        cashButton.setId("nav-cash");
        importsButton.setId("nav-imports");
        tariffsButton.setId("nav-tariffs");
        exceptionsButton.setId("nav-exceptions");
        reconcileButton.setId("nav-reconcile");
        firmwareButton.setId("nav-firmware");
        syncButton.setId("nav-sync");
        dashboardButton.setSelected(true);
        navigation.selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected == null) {
                old.setSelected(true);
            }
        });
        refreshButton.setId("refresh");
        connectCommission.setId("connect-commission");
        connectCommission.setOnAction(event -> commissioning.set(true));
        commissionView.onClose(() -> commissioning.set(false));
        commissionView.onReplace(() -> replacing.set(true));
        replaceView.onClose(() -> replacing.set(false));
        disconnectButton.setId("disconnect");
        // The Sync screen's button is its icon alone: the status bar's sync indicator, which opens the same screen,
        // carries the words, and a twelfth worded button would push Refresh off a 1280-pixel window.
        syncButton.setTooltip(new Tooltip(syncButton.getText()));
        syncButton.setAccessibleText(syncButton.getText());
        syncButton.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        // Icons alone, their words in a tooltip, so that every screen's button fits a 1280-pixel window.
        for (Button button : List.of(refreshButton, disconnectButton)) {
            button.setTooltip(new javafx.scene.control.Tooltip(button.getText()));
            button.setAccessibleText(button.getText());
            button.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }
        reconnectButton.setId("reconnect");
        reconnectButton.getStyleClass().add(Styles.ACCENT);
        stopSearchButton.setId("stop-search");
        stopSearchButton.setMinWidth(Region.USE_PREF_SIZE);
        reconnectButton.setMinWidth(Region.USE_PREF_SIZE);
        searching.setId("searching");
        searching.setMinSize(20, 20);
        searching.setPrefSize(20, 20);
        searching.setMaxSize(20, 20);
        problemText.getStyleClass().add("problem-text");
        problemText.setWrapText(true);
        problemText.setMinHeight(Region.USE_PREF_SIZE);
        problemText.setMaxWidth(Double.MAX_VALUE);
        problemText.setId("problem");
    }

    private void layoutControls() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(siteTitle, spacer, navigation(), refreshButton, disconnectButton);
        toolbar.getStyleClass().add("site-toolbar");
        // The site's name gives way first, so that no navigation button is cut to an ellipsis.
        refreshButton.setMinWidth(Region.USE_PREF_SIZE);
        disconnectButton.setMinWidth(Region.USE_PREF_SIZE);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        HBox.setHgrow(problemText, Priority.ALWAYS);
        problemBanner.getChildren().setAll(new FontIcon(Material2AL.ERROR_OUTLINE), problemText, searching,
                stopSearchButton, reconnectButton);
        problemBanner.getStyleClass().add("problem-banner");
        problemBanner.setAlignment(Pos.CENTER_LEFT);

        VBox.setVgrow(content, Priority.ALWAYS);
        content.setId("site-screens");
        siteView.getChildren().setAll(toolbar, problemBanner, content);

        // Commissioning starts from here, before any session: a fresh gateway has no site to open, and the site's
        // toolbar has no room for a thirteenth screen at 1280 pixels.
        HBox commissionBar = new HBox(connectCommission);
        commissionBar.setAlignment(Pos.CENTER_RIGHT);
        commissionBar.getStyleClass().add("site-toolbar");
        VBox.setVgrow(connectView, Priority.ALWAYS);
        connectLayer.getChildren().setAll(connectView, commissionBar);
        StatusBar statusBar = new StatusBar(session, new SyncIndicator(syncModel, () -> syncButton.setSelected(true)),
                settingsMenu);
        StackPane centre = new StackPane(connectLayer, siteView, commissionView, replaceView, notices);
        placeNotices(centre, statusBar);
        setCenter(centre);
        setBottom(statusBar);
    }

    /**
     * The notices go down over the status bar's link figures instead of over a screen: in the corner of the screens
     * they hid what a technician reads there (the Mesh screen's "no meter chosen", the Meters voltage chart's
     * legend). Two lie side by side in the width the link figures take, so neither stacks over the screen and the
     * status bar's buttons stay free: the settings menu on its left, the sync, link and task list's on its right.
     */
    private void placeNotices(StackPane centre, StatusBar statusBar) {
        StackPane.setAlignment(notices, Pos.BOTTOM_LEFT);
        notices.translateYProperty().bind(statusBar.heightProperty());
        notices.roomProperty().bind(statusBar.linkWidthProperty());
        if (settingsMenu != null) {
            notices.translateXProperty().bind(Bindings.createDoubleBinding(() -> settingsMenu.getBoundsInParent()
                    .getMaxX() + NOTICES_GAP, settingsMenu.boundsInParentProperty()));
        } else {
            notices.setTranslateX(NOTICES_GAP);
        }
        // Drawn after the status bar, which would otherwise paint over the part of the notices below the screens;
        // and picked only where a child is, for its bounds now reach over the status bar's buttons.
        centre.setViewOrder(-1);
        centre.setPickOnBounds(false);
    }

    /**
     * The screens' buttons joined in one segmented row with narrow padding: eleven separate buttons left the site's
     * name a few letters of a 1280-pixel window.
     */
    private HBox navigation() {
        List<ToggleButton> buttons = navButtons();
        for (int i = 0; i < buttons.size(); i++) {
            ToggleButton button = buttons.get(i);
            button.getStyleClass().addAll("nav-button", i == 0 ? Styles.LEFT_PILL
                    : i == buttons.size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox navigation = new HBox();
        navigation.getChildren().setAll(buttons);
        navigation.setMinWidth(Region.USE_PREF_SIZE);
        return navigation;
    }

    private List<ToggleButton> navButtons() {
        return List.of(dashboardButton, metersButton, meshButton, replayButton, customersButton, cashButton,
                importsButton, tariffsButton, exceptionsButton, reconcileButton, firmwareButton, syncButton);
    }

    private void bind() {
        // Once a gateway has answered, its screens stay up while the link is lost and being re-established.
        BooleanBinding siteUp = Bindings.createBooleanBinding(
                () -> session.helloProperty().get() != null && session.stateProperty().get() != LinkState.DISCONNECTED,
                session.stateProperty(), session.helloProperty());
        siteView.visibleProperty().bind(siteUp.and(commissioning.not()));
        connectLayer.visibleProperty().bind(siteUp.not().and(commissioning.not()));
        commissionView.visibleProperty().bind(commissioning.and(replacing.not()));
        replaceView.visibleProperty().bind(commissioning.and(replacing));
        connectView.visibleProperty().bind(connectLayer.visibleProperty());
        siteTitle.textProperty().bind(Bindings.createStringBinding(
                () -> session.helloProperty().get() == null ? "" : session.helloProperty().get().siteName(),
                session.helloProperty()));
        siteTitle.getTooltip().textProperty().bind(siteTitle.textProperty());
        problemBanner.visibleProperty().bind(session.problemProperty().isNotEmpty());
        problemBanner.managedProperty().bind(problemBanner.visibleProperty());
        problemText.textProperty().bind(session.problemProperty());
        // Held by the sync in one place, which the frame built on a language switch takes over.
        syncModel.onScheduledRunEnd(run -> notices.unattendedEnded(I18n.text("task.sync.scheduled"), run.took(),
                run.failure()));
        reconnectButton.visibleProperty().bind(session.stateProperty().isEqualTo(LinkState.LOST));
        reconnectButton.managedProperty().bind(reconnectButton.visibleProperty());
        searching.visibleProperty().bind(session.stateProperty().isEqualTo(LinkState.SEARCHING));
        searching.managedProperty().bind(searching.visibleProperty());
        stopSearchButton.visibleProperty().bind(searching.visibleProperty());
        stopSearchButton.managedProperty().bind(stopSearchButton.visibleProperty());
        bindSiteScreens();
        refreshButton.disableProperty().bind(session.stateProperty().isNotEqualTo(LinkState.CONNECTED));
        refreshButton.setOnAction(event -> session.pullNow());
        disconnectButton.setOnAction(event -> session.disconnect());
        reconnectButton.setOnAction(event -> session.reconnect());
        stopSearchButton.setOnAction(event -> session.stopSearch());
        addEventHandler(KeyEvent.KEY_PRESSED, new ShortcutKeys(this, siteView::isVisible, content, refreshButton,
                session.dirs().data()));
        showShortcuts();
    }

    /** Each screen's button and the refresh button name their keyboard shortcut in their tooltip. */
    private void showShortcuts() {
        for (ToggleButton button : navButtons()) {
            String screen = button.getId().substring("nav-".length());
            button.setTooltip(new Tooltip(Shortcuts.tooltip(button.getText(), Shortcuts.Action.SCREEN, screen)));
        }
        refreshButton.getTooltip().setText(Shortcuts.tooltip(refreshButton.getText(), Shortcuts.Action.REFRESH, ""));
    }

    /**
     * The site screens are built when a connection is first asked for (see {@link SiteScreens}), then shown with
     * their buttons. The meters screen alone is built with the frame: its table holds the pulled site's meters
     * whichever screen is open, and the UI tests read it there.
     */
    private void bindSiteScreens() {
        siteScreens = new SiteScreens(content, session.stateProperty().isNotEqualTo(LinkState.DISCONNECTED));
        SiteScreens screens = siteScreens;
        screens.add(dashboardButton, () -> new DashboardView(models.dashboard()));
        screens.addBuilt(metersButton, new MetersView(models.meters()));
        screens.add(meshButton, () -> new MeshView(models.mesh()));
        screens.add(replayButton, () -> new ReplayView(models.replay()));
        screens.add(customersButton, () -> new CustomersView(models.customers()));
        screens.add(cashButton, () -> new CashDeskView(models.cashDesk()));
        screens.add(importsButton, () -> new ImportsView(models.imports()));
        screens.add(tariffsButton, () -> new TariffsView(models.tariffs()));
        screens.add(exceptionsButton, () -> new ExceptionsView(models.exceptions()));
        screens.add(reconcileButton, () -> new ReconcileView(models.reconcile()));
        screens.add(firmwareButton, () -> new FirmwareView(models.firmware()));
        screens.add(syncButton, () -> new SyncView(syncModel));
    }
}
