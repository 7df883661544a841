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
final class SiteOpening {

    private SiteOpening() {
    }

    static SiteStore open(Path database) {
        Path wal = Path.of(database + "-wal");
        Path sharedMemory = Path.of(database + "-shm");
        boolean walBefore = Files.exists(wal);
        boolean sharedMemoryBefore = Files.exists(sharedMemory);
        try {
            return SiteStore.openExisting(database);
        } catch (StoreException e) {
            removeNew(wal, walBefore, sharedMemory, sharedMemoryBefore, e);
            throw e;
        }
    }

    private static void removeNew(Path wal, boolean walBefore, Path sharedMemory, boolean sharedMemoryBefore,
            StoreException failure) {
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
