package io.gridside.console.replace;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.AppDirs;
import io.gridside.console.tasks.TaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replacement's steps that change nothing and reach nothing: where the site database's chooser opens, and a
 * last receipt number refused by the command's rule before the payments are checked.
 */
class ReplaceGatewayViewModelTest {

    @TempDir
    Path home;

    private final TaskRunner tasks = new TaskRunner();

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void theSiteDatabasesChooserOpensInTheConsolesSitesFolder() throws IOException {
        AppDirs dirs = dirs();
        Files.createDirectories(dirs.sites());

        ReplaceGatewayViewModel model = ReplaceGatewayViewModel.of(tasks, dirs, null);

        assertThat(model.databaseFolder()).isEqualTo(dirs.sites());
        assertThat(ReplacePanes.databaseChooser(model).getInitialDirectory()).isEqualTo(dirs.sites().toFile());
    }

    @Test
    void theChooserOpensInTheDataFolderBeforeAnySiteIsKept() throws IOException {
        AppDirs dirs = dirs();
        Files.createDirectories(dirs.data());

        ReplaceGatewayViewModel model = ReplaceGatewayViewModel.of(tasks, dirs, null);

        assertThat(model.databaseFolder()).isEqualTo(dirs.data());
        assertThat(ReplacePanes.databaseChooser(model).getInitialDirectory()).isEqualTo(dirs.data().toFile());
    }

    @Test
    void refusesALastReceiptThatIsNoReceiptNumberBeforeCheckingThePayments() {
        ReplaceGatewayViewModel model = ReplaceGatewayViewModel.of(tasks, dirs(), null);
        model.paymentsCompleteProperty().set(true);
        model.lastReceiptsProperty().set("AB12CD-0003, AA11BB-seven");

        model.checkPayments();

        assertThat(model.problemProperty().get()).contains("AA11BB-seven", "[REPLACE_LAST_RECEIPT_INVALID]")
                .doesNotContain("AB12CD-0003");
        assertThat(model.runningProperty().get()).as("no check was started").isFalse();
        assertThat(model.stepProperty().get()).isEqualTo(ReplaceGatewayViewModel.Step.SITE);
    }

    private AppDirs dirs() {
        return AppDirs.forPlatform("Linux", home, Map.<String, String>of()::get);
    }
}
