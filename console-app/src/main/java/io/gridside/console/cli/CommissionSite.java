package io.gridside.console.cli;

import io.gridside.site.commission.CommissionRefusal;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.store.SiteStore;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The {@code --site FILE} of the commissioning commands: a site database that {@code create-site} made. */
final class CommissionSite {

    /** The code of a site database that was not created for commissioning. */
    static final String NOT_COMMISSIONED = "NOT_COMMISSIONED";

    @Option(names = "--site", paramLabel = "FILE", required = true,
            description = "The site database that 'gridside commission create-site' made.")
    Path siteFile;

    /** The site database, which must exist and hold a plan. */
    SiteStore open() {
        return open(siteFile);
    }

    /** The site database {@code file}, which must exist and hold a plan. */
    static SiteStore open(Path file) {
        SiteStore store = SiteFiles.openExisting(file);
        if (store.commission().plan().isEmpty()) {
            store.close();
            throw new UsageException(file + " holds a site pulled from a gateway, not one being commissioned; "
                    + "give the file that 'gridside commission create-site' made.", null, NOT_COMMISSIONED);
        }
        return store;
    }

    /** The plan of an open store from {@link #open}. */
    static SitePlan plan(SiteStore store) {
        return store.commission().plan().orElseThrow();
    }

    /** Runs {@code step}, turning a commissioning refusal into the command's refusal with the same code. */
    static <T> T refusing(Supplier<T> step) {
        try {
            return step.get();
        } catch (CommissionRefusal e) {
            throw new RefusedException(e.getMessage(), e, e.code());
        }
    }
}
