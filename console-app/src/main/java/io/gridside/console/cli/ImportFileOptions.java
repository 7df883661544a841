package io.gridside.console.cli;

import io.gridside.console.imports.ImportProblem;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What both imports take: the file, the site database, a dry run and JSON; and how both report bad rows. */
final class ImportFileOptions {

    /** The code of a file with bad rows, which changed nothing. */
    static final String IMPORT_INVALID = "IMPORT_INVALID";

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file to import (UTF-8).")
    Path file;

    @Option(names = "--site", paramLabel = "FILE", required = true, description = "The site database file.")
    Path siteFile;

    @Option(names = "--dry-run", description = "Show what the import would change, and write nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print a JSON object for programs.")
    boolean json;

    /** The file's bytes; a file that cannot be read is a usage error. */
    byte[] bytes() {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("There is no file " + file + " to import.");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException("The file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The file's name, as problems and queued payments name it. */
    String source() {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    SiteStore openSite() {
        return SiteFiles.openExisting(siteFile);
    }

    /** The site the database holds; one that holds none has nothing to check the file against. */
    SiteInfo site(SiteStore store) {
        return store.site().orElseThrow(() -> new UsageException("The site database " + siteFile + " holds no "
                + "site yet, so there are no meters or customers to check the file against; pull it first with: "
                + "gridside connect ... audit --site " + siteFile + "."));
    }

    /** Names each problem on its own line and ends with one line that says nothing changed; the exit code. */
    int refuse(List<ImportProblem> problems, PrintWriter err) {
        problems.forEach(problem -> err.println("gridside: " + source() + " " + problem));
        long lines = problems.stream().mapToInt(ImportProblem::line).distinct().count();
        err.println("gridside: " + source() + " has problems on " + lines + (lines == 1 ? " line" : " lines")
                + " (above); nothing was imported. Fix the file and import it again. [" + IMPORT_INVALID + "]");
        return ExitCode.FAILED;
    }
}
