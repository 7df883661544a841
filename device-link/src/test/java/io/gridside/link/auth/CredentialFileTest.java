package io.gridside.link.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.testing.TestCredentials;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialFileTest {

    @TempDir
    Path dir;

    @Test
    void readsBackTheExactSignedBytesItWrote() throws IOException {
        Path file = dir.resolve("amina.credential.json");
        SignedCredential supervisor = TestCredentials.supervisor();

        CredentialFile.write(file, supervisor);

        assertThat(CredentialFile.read(file)).isEqualTo(supervisor);
        assertThat(Files.readString(file)).contains("\"format\" : \"gridside-credential/1\"",
                "\"role\" : \"supervisor\"", "\"technicianId\" : \"T-0042\"", "maxOfflineCashCreditMinor");
    }

    @Test
    void refusesAFileWhoseDetailsWereEditedByHand() throws IOException {
        Path file = dir.resolve("amina.credential.json");
        CredentialFile.write(file, TestCredentials.technician());
        Files.writeString(file, Files.readString(file).replace("\"technician\"", "\"supervisor\""));

        assertThatThrownBy(() -> CredentialFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("changed").hasMessageContaining(file.toString());
    }

    @Test
    void refusesAFileThatIsNotACredential() throws IOException {
        Path properties = dir.resolve("old.properties");
        Files.writeString(properties, "technician=demo-technician\ntoken=demo\n");
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"format\": \"gridside-operator-key/1\"}");
        Path damaged = dir.resolve("damaged.json");
        Files.writeString(damaged, "{\"format\": \"gridside-credential/1\", \"credential\": \"%%%\", "
                + "\"signature\": \"AA==\"}");

        assertThatThrownBy(() -> CredentialFile.read(properties)).isInstanceOf(IOException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> CredentialFile.read(other)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a credential file");
        assertThatThrownBy(() -> CredentialFile.read(damaged)).isInstanceOf(IOException.class)
                .hasMessageContaining("base64");
    }

    @Test
    void neverReplacesAnExistingFile() throws IOException {
        Path file = dir.resolve("amina.credential.json");
        CredentialFile.write(file, TestCredentials.technician());

        assertThatThrownBy(() -> CredentialFile.write(file, TestCredentials.supervisor()))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(CredentialFile.read(file)).isEqualTo(TestCredentials.technician());
    }
}
