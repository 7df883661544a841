package io.gridside.console.cli;

import io.gridside.site.store.SiteStore;
import io.gridside.site.store.StoreException;
import java.nio.file.Path;

/** Opens the site databases that commands are given with {@code --site} and only read or add to. */
final class SiteFiles {

    /** The code of a site database that is missing, is not one, or holds nothing pulled yet: a usage error. */
    static final String NO_SITE = "NO_SITE";

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
            throw new UsageException(e.getMessage(), e, NO_SITE);
        }
    }

    /**
     * The refusal of a site database that opened but could not be read through: damaged in the middle, most often
     * by a copy cut short. Says what to do rather than leave it to an unexpected error.
     */
    static RefusedException damaged(Path file, StoreException e) {
        String what = e.getMessage() == null ? "The site database " + file + " could not be read"
                : e.getMessage().replaceAll("[.\\s]+$", "");
        return new RefusedException(what + "; it may be damaged: pull the site again into a new file, and keep this "
                + "one for support.", e, "SITE_DAMAGED");
    }

    /** The usage error of a site database that was never pulled into, which says how to pull one. */
    static UsageException noSite(Path file) {
        return new UsageException("The site database " + file + " holds no site yet; pull one first with: "
                + "gridside connect ... audit --site " + file + ".", null, NO_SITE);
    }
}
