package io.gridside.console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.console.service.sync.CloudException;
import io.gridside.console.service.sync.CloudFailures;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cloud refused by its pin or not found at its address reads in the technician's language on the Sync screen, with
 * its code; in English the sync's own sentence with the cloud's address is kept.
 */
class SyncFailuresInTheLanguageTest {

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void aCloudRefusedByItsPinReadsInFrenchAndInEnglishAsTheSyncWroteIt() {
        CloudException mismatch = CloudFailures.pinMismatch();
        String english = SessionSyncSource.describe(mismatch);

        I18n.use(Locale.FRENCH);

        assertThat(english).isEqualTo(mismatch.getMessage() + " [pin_mismatch]");
        assertThat(SessionSyncSource.describe(mismatch)).isEqualTo("Le certificat du cloud n'est pas celui que "
                + "désigne son empreinte : vérifiez l'empreinte auprès de l'opérateur. Rien n'a été envoyé. "
                + "[pin_mismatch]");
    }

    @Test
    void aCloudNotFoundAtItsAddressReadsInEveryLanguageButEnglishWithoutTheSyncsEnglish() {
        CloudException unreachable = CloudFailures.unreachable();

        for (Locale language : I18n.LANGUAGES.subList(1, I18n.LANGUAGES.size())) {
            I18n.use(language);
            assertThat(SessionSyncSource.describe(unreachable)).as("%s", language)
                    .doesNotContain("Nothing answered").endsWith(" [unreachable]");
        }
    }

    @Test
    void aRefusalWithTheCloudsOwnCodeKeepsTheCloudsWords() {
        CloudException lost = CloudFailures.cloudsOwn();

        I18n.use(Locale.FRENCH);

        assertThat(SessionSyncSource.describe(lost)).isEqualTo("This laptop was reported lost. [laptop_reported_lost]");
    }
}
