package io.gridside.console.replay;

import io.gridside.site.replay.SiteState;
import java.time.Instant;

/** How the site stood at any instant of a window: the replay engine's answer, or a test's stand-in. */
@FunctionalInterface
public interface StateAt {

    /** The site's state at {@code at}, every event at or before it applied. Fast enough to call once a pulse. */
    SiteState at(Instant at);
}
