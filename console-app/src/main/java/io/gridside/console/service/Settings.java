package io.gridside.console.service;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technician's settings, kept in {@code settings.properties} in the config folder: where the gateway was
 * found last time, so the connect screen offers it again. Thread-safe; reads and writes the file, so call it
 * off the UI thread.
 */
public final class Settings {

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private static final String FILE = "settings.properties";

    private final Path file;
    private final Properties values = new Properties();
    /** Settings chosen for this launch alone (on the command line): read before the file's, never written to it. */
    private final Properties launchOnly = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    /** The settings of this user; a missing or unreadable file gives the defaults. */
    public static Settings load(AppDirs dirs) {
        Settings settings = new Settings(dirs.config().resolve(FILE));
        if (Files.isRegularFile(settings.file)) {
            try (Reader in = Files.newBufferedReader(settings.file, StandardCharsets.UTF_8)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("The settings file {} could not be read; the defaults apply.", settings.file, e);
            }
        }
        return settings;
    }

    public synchronized String get(String key, String fallback) {
        return launchOnly.getProperty(key, values.getProperty(key, fallback));
    }

    /**
     * Gives {@code key} the value {@code value} until the console closes, without writing it to the file: the next
     * launch reads the file's value again. A later {@link #put} of the same key, a change the technician made in the
     * console, ends it and is kept as usual.
     */
    public synchronized void putForThisLaunch(String key, String value) {
        launchOnly.setProperty(key, value);
    }

    /**
     * Changes one setting and writes the file at once, replacing it whole so a crash never leaves half. Settings
     * given for this launch alone stay out of the file.
     */
    public synchronized void put(String key, String value) {
        launchOnly.remove(key);
        values.setProperty(key, value);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(out, "Gridside settings");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("The settings file {} could not be written; the change lasts until the console closes.",
                    file, e);
        }
    }
}
