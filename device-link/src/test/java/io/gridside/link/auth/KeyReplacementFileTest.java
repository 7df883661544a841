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

class KeyReplacementFileTest {

    @TempDir
    Path dir;

    @Test
    void readsBackTheExactSignedBytesItWrote() throws IOException {
        Path file = dir.resolve("site-kisima.key-replacement.json");
        SignedKeyReplacement record = TestCredentials.keyReplacement();

        KeyReplacementFile.write(file, record);

        assertThat(KeyReplacementFile.read(file)).isEqualTo(record);
        assertThat(Files.readString(file)).contains("\"format\" : \"gridside-gateway-key-replacement/1\"",
                "\"siteId\" : \"site-kisima\"", "\"replaces\" : \"" + record.replacement().replacedFingerprint(),
                "lightning");
    }

    @Test
    void refusesAFileWhoseDetailsWereEditedByHand() throws IOException {
        Path file = write();
        Files.writeString(file, Files.readString(file).replace("lightning", "flood"));

        assertThatThrownBy(() -> KeyReplacementFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("changed").hasMessageContaining(file.toString());
    }

    @Test
    void refusesAFieldThisVersionDoesNotKnow() throws IOException {
        Path file = write();
        Files.writeString(file, Files.readString(file).replace("\"record\"", "\"usableOnce\" : true, \"record\""));

        assertThatThrownBy(() -> KeyReplacementFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("usableOnce");
    }

    @Test
    void refusesAFileWithoutItsOperatorKeyOrSignature() throws IOException {
        Path file = write();
        String text = Files.readString(file);
        Path noKey = dir.resolve("no-key.json");
        Files.writeString(noKey, text.replaceAll("\"operatorKey\" : \"[^\"]*\",", ""));
        Path shortKey = dir.resolve("short-key.json");
        Files.writeString(shortKey, text.replaceAll("\"operatorKey\" : \"[^\"]*\"", "\"operatorKey\" : \"AAAA\""));
        Path noSignature = dir.resolve("no-signature.json");
        Files.writeString(noSignature, text.replaceAll("\"signature\" : \"[^\"]*\"", "\"signature\" : \"\""));

        assertThatThrownBy(() -> KeyReplacementFile.read(noKey)).hasMessageContaining("operatorKey");
        assertThatThrownBy(() -> KeyReplacementFile.read(shortKey)).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> KeyReplacementFile.read(noSignature)).hasMessageContaining("signature");
    }

    @Test
    void refusesAFileThatIsNotAKeyReplacementRecord() throws IOException {
        Path credential = dir.resolve("credential.json");
        CredentialFile.write(credential, TestCredentials.technician());
        Path damaged = dir.resolve("damaged.json");
        Files.writeString(damaged, "{\"format\": \"gridside-gateway-key-replacement/1\", \"record\": \"AAAA\", "
                + "\"signature\": \"AAAA\", \"operatorKey\": \"AAAA\"}");

        assertThatThrownBy(() -> KeyReplacementFile.read(credential)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a gateway key replacement file");
        assertThatThrownBy(() -> KeyReplacementFile.read(damaged)).isInstanceOf(IOException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void neverReplacesAnExistingFile() throws IOException {
        Path file = write();

        assertThatThrownBy(() -> KeyReplacementFile.write(file, TestCredentials.keyReplacement()))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    private Path write() throws IOException {
        Path file = dir.resolve("record.json");
        KeyReplacementFile.write(file, TestCredentials.keyReplacement());
        return file;
    }
}
