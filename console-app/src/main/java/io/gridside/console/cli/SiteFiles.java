package io.gridside.console.cli;

import io.gridside.console.support.SiteOpening;
import io.gridside.site.store.SiteStore;
import io.gridside.site.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;

/** Opens the site databases that commands are given with {@code --site} and only read or add to. */
final class SiteFiles {

    /** The code of a site database that is missing, is not one, or holds nothing pulled yet: a usage error. */
    static final String NO_SITE = "NO_SITE";
    /** The code of a site database that opened but could not be read through. */
    static final String SITE_DAMAGED = "SITE_DAMAGED";

    /** SQLite's result codes of a damaged file and of a file that is no database, and the mask of the primary. */
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final int PRIMARY_CODE = 0xff;

    /** The first bytes of every SQLite database file. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SiteFiles() {
    }

    /**
     * The site database at {@code file}, which must exist and be one: anything else is a usage error that says why,
     * and the file is left as it was.
     */
    static SiteStore openExisting(Path file) {
        // A damaged file is left for support as it was found: without the empty log the failed open made.
        SiteOpening.Leftovers leftovers = SiteOpening.Leftovers.before(file);
        try {
            return SiteStore.openExisting(file);
        } catch (StoreException e) {
            if (isDamage(file, e)) {
                leftovers.removeNew(e);
                throw damaged(file, e);
            }
            throw new UsageException(e.getMessage(), e, NO_SITE);
        }
    }

    /**
     * Whether a site database failed to open because it is damaged rather than because it is not one: SQLite found
     * it corrupt, or found no database in a file that still begins as an SQLite file does, as a copy cut short or
     * overwritten past its first bytes does. A file that does not begin so is taken for a wrong file, not a
     * damaged one, since nothing tells the two apart.
     */
    static boolean isDamage(Path file, StoreException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                int primary = sql.getErrorCode() & PRIMARY_CODE;
                return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB && beginsAsSqlite(file);
            }
        }
        return false;
    }

    private static boolean beginsAsSqlite(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException e) {
            return false;
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
                + "one for support.", e, SITE_DAMAGED);
    }

    /** The usage error of a site database that was never pulled into, which says how to pull one. */
    static UsageException noSite(Path file) {
        return new UsageException("The site database " + file + " holds no site yet; pull one first with: "
                + "gridside connect ... audit --site " + file + ".", null, NO_SITE);
    }
}
