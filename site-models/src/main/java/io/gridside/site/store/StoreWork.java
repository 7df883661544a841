package io.gridside.site.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads and transactions on a site store's connection for the row classes it gives out ({@link FirmwareRecords},
 * {@link SyncRows}): serialised on the store's lock, SQL failures turned into {@link StoreException}s that name the
 * file, and every write one transaction.
 */
final class StoreWork {

    private final Object lock;
    private final Connection connection;
    private final Path file;

    StoreWork(Object lock, Connection connection, Path file) {
        this.lock = lock;
        this.connection = connection;
        this.file = file;
    }

    <T> T query(SqlWork<T> work) {
        synchronized (lock) {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new StoreException("The site database " + file + " could not be read: " + e.getMessage(), e);
            }
        }
    }

    <T> T inTransaction(SqlWork<T> work) {
        synchronized (lock) {
            try {
                connection.setAutoCommit(false);
                try {
                    T result = work.run();
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException("The site database " + file + " could not be written: " + e.getMessage(),
                        e);
            }
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }
}
