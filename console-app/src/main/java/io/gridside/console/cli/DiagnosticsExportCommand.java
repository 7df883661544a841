package io.gridside.console.cli;

import io.gridside.console.service.AppDirs;
import io.gridside.console.support.DiagnosticsExport;
import io.gridside.console.support.LinkStatistics;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside diagnostics export [--out FILE] [--site FILE]}: writes the diagnostics bundle, one zip of the logs,
 * the site's topology and recent events and the versions, with every credential and all personal data removed.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes one zip for support: the console's logs, the site's meters, latest mesh and recent "
            + "events, and the versions of the console, Java, JavaFX and the system, with manifest.json listing them.",
            "Credentials, keys, PINs and personal data are removed: customers and technicians appear as stable "
                + "pseudonyms (person-xxxxxxxx), the same in every file of one bundle."})
final class DiagnosticsExportCommand implements Callable<Integer> {

    /** The code of a bundle that could not be written where the technician asked: the command failed. */
    static final String BUNDLE_UNWRITABLE = "BUNDLE_UNWRITABLE";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--out", paramLabel = "FILE", description = "The zip to write, in a folder that exists; by "
        + "default gridside-diagnostics-<UTC time>.zip in the data folder's exports.")
    Path out;

    @Option(names = "--site", paramLabel = "FILE", description = "The site database to describe; by default the "
        + "one used last in the data folder, if any.")
    Path site;

    @Option(names = "--credential", paramLabel = "FILE", description = "A credential file kept elsewhere than the "
        + "default, whose holder and secrets must not pass into the bundle.")
    List<Path> credentials = List.of();

    @Override
    public Integer call() throws IOException {
        AppDirs dirs = AppDirs.forCurrentUser();
        Clock clock = Clock.systemUTC();
        requireOutFolder();
        Path zip = out != null ? out : dirs.exports().resolve(DiagnosticsExport.fileName(clock.instant()));
        Path database = site != null ? requireSite(site) : lastUsedSite(dirs).orElse(null);
        DiagnosticsExport.Written written = write(dirs, clock, zip, database);
        command.commandLine().getOut().println("Wrote " + zip.toAbsolutePath() + ": " + written.entries().size()
                + " entries" + (database == null ? ", no site" : ", site " + database.getFileName())
                + "; credentials and personal data removed.");
        written.warnings().forEach(warning -> command.commandLine().getErr().println("Warning: " + warning));
        return ExitCode.OK;
    }

    /**
     * Refuses an {@code --out} in a folder that does not exist, as the other commands' {@code --out} do: a path typed
     * wrong, or a USB stick not mounted, would otherwise leave the bundle in folders made on the laptop's own disk
     * while the technician looks for it elsewhere. The default exports folder is the console's own, and is made.
     */
    private void requireOutFolder() {
        Path folder = out == null ? null : out.toAbsolutePath().getParent();
        if (folder != null && Files.notExists(folder)) {
            throw new UsageException("The folder " + folder + " of --out does not exist; create it first, or choose "
                    + "a path in a folder that exists; nothing was written.");
        }
    }

    private DiagnosticsExport.Written write(AppDirs dirs, Clock clock, Path zip, Path database) {
        try {
            return new DiagnosticsExport(dirs, clock).write(zip, database, LinkStatistics.none(
                    "The command line keeps no link between commands; the log holds its sessions."), credentials);
        } catch (IOException e) {
            throw new RefusedException("The diagnostics bundle could not be written to " + zip.toAbsolutePath()
                    + ": " + FileFailures.reason(e) + ". Give --out a file in a folder you can write to.", e,
                    BUNDLE_UNWRITABLE);
        }
    }

    /**
     * The site database at {@code file}, checked to be one before anything is written: a missing file or one that
     * is no site database is a usage error naming the file ({@code NO_SITE}), as for every command's {@code --site}.
     * A damaged one is taken: the bundle is wanted most then, and says what it could not read.
     */
    private static Path requireSite(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("There is no site database " + file + ".", null, SiteFiles.NO_SITE);
        }
        try (SiteStore probe = SiteFiles.openExisting(file)) {
            return file;
        } catch (RefusedException e) {
            if (SiteFiles.SITE_DAMAGED.equals(e.code())) {
                return file;
            }
            throw e;
        }
    }

    /** The site database changed last in the data folder: the site the technician worked on last. */
    static Optional<Path> lastUsedSite(AppDirs dirs) throws IOException {
        Path sites = dirs.data().resolve("sites");
        if (!Files.isDirectory(sites)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(sites)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".db"))
                    .max(Comparator.comparing(DiagnosticsExportCommand::modified));
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
