package io.gridside.console.sync;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A stand-in for the site's sync schedule: the test pushes statuses and progress, and reads what was asked. */
final class FakeSyncSource implements SyncSource {

    final List<String> asked = new ArrayList<>();
    final BooleanProperty siteOpen = new SimpleBooleanProperty(true);
    /** When set, an order fails with this sentence. */
    String failure;
    private Consumer<SyncOverview> overviews = shown -> { };
    private Consumer<SyncProgress> progress = step -> { };

    @Override
    public void listen(Consumer<SyncOverview> onOverview, Consumer<SyncProgress> onProgress) {
        overviews = onOverview;
        progress = onProgress;
    }

    void show(SyncOverview overview) {
        overviews.accept(overview);
    }

    void step(SyncProgress step) {
        progress.accept(step);
    }

    @Override
    public void onScheduledRunEnd(Consumer<ScheduledRun> onEnd) {
        asked.add("scheduled run ends");
    }

    @Override
    public void reload() {
        asked.add("reload");
    }

    @Override
    public void syncNow(Consumer<String> onFailure) {
        asked.add("sync now");
        if (failure != null) {
            onFailure.accept(failure);
        }
    }

    @Override
    public void cancel() {
        asked.add("cancel");
    }

    @Override
    public void act(SyncOverview.Attention item, Consumer<String> onFailure) {
        asked.add(item.action() + " " + item.id());
        if (failure != null) {
            onFailure.accept(failure);
        }
    }

    @Override
    public void configure(String url, String pin, Consumer<String> onFailure) {
        asked.add("configure " + url + " " + pin);
        if (failure != null) {
            onFailure.accept(failure);
        }
    }

    @Override
    public BooleanExpression siteOpen() {
        return siteOpen;
    }

    @Override
    public ZoneId zone() {
        return ZoneOffset.UTC;
    }
}
