package io.gridside.console.sync;

import io.gridside.console.shell.SessionViewModel;
import io.gridside.link.message.HelloReply;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/** The sync facts and orders of the site the session has open. */
public final class SessionSyncSource implements SyncSource {

    private final SessionViewModel session;

    public SessionSyncSource(SessionViewModel session) {
        this.session = session;
    }

    @Override
    public void listen(Consumer<SyncOverview> onOverview, Consumer<SyncProgress> onProgress) {
        onOverview.accept(SyncOverview.NOT_SET_UP);
    }

    @Override
    public void reload() {
    }

    @Override
    public void syncNow(Consumer<String> onFailure) {
        onFailure.accept(SyncTexts.text("sync.state.notSetUp"));
    }

    @Override
    public void cancel() {
    }

    @Override
    public void act(SyncOverview.Attention item, Consumer<String> onFailure) {
        onFailure.accept(SyncTexts.text("sync.state.notSetUp"));
    }

    @Override
    public ZoneId zone() {
        HelloReply hello = session.helloProperty().get();
        return hello == null ? ZoneOffset.UTC : ZoneId.of(hello.timeZone());
    }
}
