package io.gridside.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file the JDK could not find, open or read as text reads as a sentence of the console's that names the file, in
 * every language, never as the JDK's bare path or the system's English.
 */
class FileFailuresInTheLanguageTest {

    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void aFileNotFoundIsNamedInFrenchAndInEnglish() {
        Path missing = dir.resolve("payments.csv");
        Throwable failure = catchThrowable(() -> Files.readString(missing));
        String english = Failures.describe(failure);

        I18n.use(Locale.FRENCH);

        assertThat(failure.getMessage()).isEqualTo(missing.toString());
        assertThat(english).isEqualTo("The file " + missing + " was not found: check its name and that the drive "
                + "holding it is still plugged in.");
        assertThat(Failures.describe(failure)).startsWith("Le fichier " + missing + " est introuvable");
        assertThat(Failures.words(failure)).isEqualTo(Failures.describe(failure));
    }

    @Test
    void aFileJavaIoCouldNotOpenIsNamedWithoutTheSystemsReason() {
        Path missing = dir.resolve("customers.csv");
        Throwable failure = catchThrowable(() -> new FileInputStream(missing.toFile()).close());

        I18n.use(Locale.forLanguageTag("pt"));

        assertThat(failure.getMessage()).contains("(");
        assertThat(Failures.describe(failure)).isEqualTo("O ficheiro " + missing + " não foi encontrado: verifique o "
                + "nome e que a unidade que o contém continua ligada.");
    }

    @Test
    void aFileWithoutPermissionAndAFolderWrittenAsAFileReadInSwahili() {
        Throwable denied = new AccessDeniedException(dir.resolve("key.pem").toString());
        Throwable folder = catchThrowable(() -> Files.writeString(dir, "x"));

        I18n.use(Locale.forLanguageTag("sw"));

        assertThat(Failures.describe(denied)).startsWith("Akaunti ya kompyuta hii haina ruhusa").contains("key.pem");
        assertThat(Failures.describe(folder)).startsWith("Faili " + dir + " haikuweza kusomwa");
    }

    @Test
    void aFileThatIsNotTextReadsInFrenchWithoutTheDecodersWords() throws Exception {
        Path binary = dir.resolve("readings.csv");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        Throwable failure = catchThrowable(() -> Files.readString(binary, StandardCharsets.UTF_8));

        I18n.use(Locale.FRENCH);

        assertThat(failure.getMessage()).contains("Input length");
        assertThat(Failures.describe(failure)).startsWith("Un fichier n'est pas un texte").doesNotContain("Input");
    }
}
