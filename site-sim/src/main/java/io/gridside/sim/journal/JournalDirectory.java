package io.gridside.sim.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a gateway's journal lives: a directory it was given, which outlives it, or a temporary one, which goes
 * with it. A gateway nobody closes still closes its journal, and deletes a temporary one, once it is garbage, and
 * at the latest when the JVM exits; tests build many gateways and close few.
 */
public final class JournalDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(JournalDirectory.class);
    private static final Cleaner CLEANER = Cleaner.create();

    private final Path path;
    private final boolean temporary;
    private Cleaner.Cleanable cleanable;

    private JournalDirectory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /** The directory {@code given}, or a new temporary one when it is null. */
    public static JournalDirectory of(Path given) {
        if (given != null) {
            return new JournalDirectory(given, false);
        }
        try {
            Path temporary = Files.createTempDirectory("gridside-gateway-");
            // The backstop for a JVM that exits before the gateway is closed or collected: last registered, first
            // deleted, so the directory goes after its files.
            temporary.toFile().deleteOnExit();
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                temporary.resolve(GatewayJournal.FILE_NAME + suffix).toFile().deleteOnExit();
                temporary.resolve(JournalCashBook.FILE_NAME + suffix).toFile().deleteOnExit();
                temporary.resolve(JournalCommandLog.FILE_NAME + suffix).toFile().deleteOnExit();
                temporary.resolve(JournalRevocations.FILE_NAME + suffix).toFile().deleteOnExit();
            }
            return new JournalDirectory(temporary, true);
        } catch (IOException e) {
            throw new UncheckedIOException("No temporary directory could be made for a gateway's journal.", e);
        }
    }

    public Path path() {
        return path;
    }

    public boolean temporary() {
        return temporary;
    }

    /** Closes {@code journal}, and deletes a temporary directory, when {@code owner} is closed or is garbage. */
    public void deleteWhenUnreachable(Object owner, GatewayJournal journal) {
        boolean delete = temporary;
        cleanable = CLEANER.register(owner, () -> release(journal, delete));
    }

    /** Closes {@code journal} now, and deletes a temporary directory; a second call does nothing. */
    public void close(GatewayJournal journal) {
        if (cleanable == null) {
            release(journal, temporary);
        } else {
            cleanable.clean();
        }
    }

    private static void release(GatewayJournal journal, boolean delete) {
        try {
            if (delete) {
                journal.closeAndDelete();
            } else {
                journal.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("The gateway's journal {} could not be closed or deleted.", journal.file(), e);
        }
    }
}
