package io.gridside.console.cli;

import io.gridside.site.store.SiteStore;
import io.gridside.site.store.StoreException;
import java.nio.file.Path;

/** Opens the site databases that commands are given with {@code --site} and only read or add to. */
final class SiteFiles {

    private SiteFiles() {
    }

    /**
     * The site database at {@code file}, which must exist and be one: anything else is a usage error that says why,
     * and the file is left as it was.
     */
    static SiteStore openExisting(Path file) {
        try {
            return SiteStore.openExisting(file);
        } catch (StoreException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
