package io.gridside.console.sync;

import io.gridside.console.I18n;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Sync screen: the site's cloud and what waits to go up, the run under way with its streams, and two lists a
 * person must look at: the items that need attention and the overwritten customer values. Controls and bindings
 * only: the state lives in {@link SyncViewModel}.
 */
public final class SyncView extends BorderPane {

    private final SyncViewModel model;
    private final TabPane lists = new TabPane();

    public SyncView(SyncViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        setId("sync-view");
        lists.setId("sync-lists");
        lists.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        lists.getTabs().setAll(
                tab("attention", new AttentionPane(model)),
                tab("reviews", new ReviewPane(model)));
    }

    private static Tab tab(String name, Node content) {
        Tab tab = new Tab(I18n.text("sync.tab." + name), content);
        tab.setId("sync-tab-" + name);
        return tab;
    }

    private void layoutControls() {
        CloudPane cloud = new CloudPane(model);
        HBox.setHgrow(cloud, Priority.ALWAYS);
        HBox top = new HBox(12, cloud, new WaitingPane(model));
        VBox.setVgrow(lists, Priority.ALWAYS);
        VBox body = new VBox(10, top, new RunPane(model), lists);
        setCenter(body);
    }

    private void bind() {
        visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                model.reload();
            }
        });
        Tab attention = lists.getTabs().get(0);
        attention.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.text("sync.tab.attentionCount", model.attention().size()), model.attention()));
        Tab reviews = lists.getTabs().get(1);
        reviews.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.text("sync.tab.reviewsCount", model.reviews().size()), model.reviews()));
    }

    /** Brings the list {@code name} (attention or reviews) to the front. */
    public void showList(String name) {
        lists.getTabs().stream().filter(tab -> tab.getId().equals("sync-tab-" + name)).findFirst()
                .ifPresent(tab -> lists.getSelectionModel().select(tab));
    }
}
