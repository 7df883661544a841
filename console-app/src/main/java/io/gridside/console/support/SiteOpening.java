package io.gridside.console.support;

import io.gridside.site.store.SiteStore;
import io.gridside.site.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a site database for the bundle and, when it cannot be opened, takes away the empty write-ahead log and the
 * shared memory file that SQLite made beside it in trying: a damaged file is kept for support as it was found.
 */
public final class SiteOpening {

    private SiteOpening() {
    }

    static SiteStore open(Path database) {
        Leftovers leftovers = Leftovers.before(database);
        try {
            return SiteStore.openExisting(database);
        } catch (StoreException e) {
            leftovers.removeNew(e);
            throw e;
        }
    }

    /**
     * The write-ahead log and shared-memory files beside a site database, and whether each was there before an
     * attempt to open it.
     */
    public record Leftovers(Path wal, boolean walBefore, Path sharedMemory, boolean sharedMemoryBefore) {

        /** What lies beside {@code database} now, before it is opened. */
        public static Leftovers before(Path database) {
            Path wal = Path.of(database + "-wal");
            Path sharedMemory = Path.of(database + "-shm");
            return new Leftovers(wal, Files.exists(wal), sharedMemory, Files.exists(sharedMemory));
        }

        /**
         * Removes what a failed open made: only files that were not there before, and the log only while it is
         * empty, since nothing was written through it. A removal that fails is added to {@code failure}.
         */
        public void removeNew(StoreException failure) {
            try {
                if (!walBefore && Files.exists(wal) && Files.size(wal) == 0) {
                    Files.delete(wal);
                    if (!sharedMemoryBefore) {
                        Files.deleteIfExists(sharedMemory);
                    }
                }
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
