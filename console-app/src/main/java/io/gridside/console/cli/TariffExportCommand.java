package io.gridside.console.cli;

import io.gridside.console.service.TariffPreview;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside bill tariff-export}: the tariff schedule the site bills with, as last pulled, written as a tariff
 * file, so that the next version can be drafted after its versions and sent with {@code connect ... tariff-push}.
 */
@Command(name = "tariff-export", mixinStandardHelpOptions = true,
        description = {"Writes the tariff the site bills with, every version as last pulled, as a tariff file: "
            + "add the next version at its end, check it with tariff-check and send it with connect ... "
            + "tariff-push."},
        footer = {"", "Exit codes: 0 written; 1 the file exists (give --replace) or could not be written; 2 a usage "
            + "error, such as a missing or never-pulled site database."})
final class TariffExportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", paramLabel = "FILE", required = true, description = "The site database file.")
    Path siteFile;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The tariff file to write.")
    Path out;

    @Option(names = "--replace", description = "Replace the file if it exists.")
    boolean replace;

    @Override
    public Integer call() {
        TariffSchedule schedule;
        try (SiteStore store = SiteFiles.openExisting(siteFile)) {
            schedule = TariffPreview.of(store).schedule();
        } catch (NoSuchElementException e) {
            throw SiteFiles.noSite(siteFile);
        }
        if (Files.exists(out) && !replace) {
            throw new RefusedException("The file " + out + " exists; give --replace to write over it, or another "
                    + "name.", "FILE_EXISTS");
        }
        try {
            Files.writeString(out, TariffFile.write(schedule), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RefusedException("The tariff file " + out + " could not be written: " + e.getMessage(),
                    "FILE_NOT_WRITTEN");
        }
        PrintWriter printed = command.commandLine().getOut();
        printed.printf("Wrote tariff %s (%s, %d versions, the newest from %s) to %s.%n", schedule.tariffId(),
                schedule.currency(), schedule.versions().size(),
                schedule.versions().get(schedule.versions().size() - 1).effectiveFrom(), out);
        return ExitCode.OK;
    }
}
