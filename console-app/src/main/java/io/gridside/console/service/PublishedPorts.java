package io.gridside.console.service;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where simulated gateways on this machine publish the pseudo-terminals they serve, so that the console can offer
 * them beside the real serial ports: the operating system's list of serial ports leaves pseudo-terminals out, and
 * most pseudo-terminals are people's terminal windows, which the console must never write to.
 *
 * <p>Each served pseudo-terminal is one small properties file in the user's runtime folder ({@code device},
 * {@code gatewayId}, {@code pid}), removed when the simulator stops serving it. A file whose process has ended or
 * whose device is gone, left by a simulator that was killed, is ignored and removed.
 */
public final class PublishedPorts {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedPorts.class);
    private static final String SUFFIX = ".port";

    private final Path folder;

    /** One served pseudo-terminal, as its simulator published it. */
    public record Entry(String device, String gatewayId, long pid) {
    }

    public PublishedPorts(Path folder) {
        this.folder = folder;
    }

    /** The folder in the runtime folder of {@code dirs}. */
    public static PublishedPorts in(AppDirs dirs) {
        return new PublishedPorts(dirs.runtime().resolve("ports"));
    }

    /**
     * Publishes a pseudo-terminal that this process serves a gateway on; closing the result withdraws it.
     *
     * @throws IOException if the file cannot be written
     */
    public Closeable publish(String device, String gatewayId) throws IOException {
        long pid = ProcessHandle.current().pid();
        Files.createDirectories(folder);
        Path file = folder.resolve("sim-" + pid + "-" + device.replaceAll("[^A-Za-z0-9]", "_") + SUFFIX);
        Properties values = new Properties();
        values.setProperty("device", device);
        values.setProperty("gatewayId", gatewayId);
        values.setProperty("pid", Long.toString(pid));
        Path temporary = folder.resolve(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            values.store(out, "A simulated Gridside gateway serves its link here.");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Published the pseudo-terminal {} of gateway {} in {}.", device, gatewayId, file);
        return () -> Files.deleteIfExists(file);
    }

    /** The pseudo-terminals served now, by simulators that are still running. */
    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                read(file).ifPresent(entries::add);
            }
        } catch (IOException e) {
            LOG.warn("The published pseudo-terminals in {} could not be listed.", folder, e);
        }
        entries.sort(Comparator.comparing(Entry::device));
        return entries;
    }

    private static Optional<Entry> read(Path file) {
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
            Entry entry = new Entry(values.getProperty("device", ""), values.getProperty("gatewayId", ""),
                    Long.parseLong(values.getProperty("pid", "-1")));
            if (isLive(entry)) {
                return Optional.of(entry);
            }
            LOG.info("Removing {}: its simulator or its device is gone.", file);
            Files.deleteIfExists(file);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("The published pseudo-terminal {} could not be read; it is ignored.", file, e);
        }
        return Optional.empty();
    }

    private static boolean isLive(Entry entry) {
        boolean running = ProcessHandle.of(entry.pid()).map(ProcessHandle::isAlive).orElse(false);
        return running && !entry.device().isBlank() && Files.exists(Path.of(entry.device()));
    }
}
