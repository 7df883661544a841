package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gridside.console.Failures;
import io.gridside.console.I18n;
import io.gridside.site.store.SiteStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work asked of a site database that holds nothing yet is refused in the technician's language. */
class NothingPulledInTheLanguageTest {

    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void theCreditListAndTheAuditOfAnEmptyDatabaseAskForAPullInFrench() {
        Throwable credit;
        Throwable audit;
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            credit = catchThrowable(() -> CreditListing.of(store, false));
            audit = catchThrowable(() -> BillingAudit.run(store, () -> false));
        }

        String english = Failures.describe(credit);
        I18n.use(Locale.FRENCH);

        assertThat(credit).isInstanceOf(NoSuchElementException.class);
        assertThat(english).isEqualTo(credit.getMessage()).contains("pull the site first");
        assertThat(Failures.describe(credit)).isEqualTo(I18n.text("refused.held.statuses")).contains("récupérez");
        assertThat(Failures.describe(audit)).isEqualTo(I18n.text("refused.held.site")).doesNotContain("pull");
    }
}
