package io.gridside.link.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.SigningKey;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareKeysTest {

    @TempDir
    Path dir;

    @Test
    void writesTheSigningCopyForItsOwnerOnlyAndReadsItBack() throws IOException {
        Path file = dir.resolve("maker.key.json");

        FirmwareKeys.writeSigningKey(file, TestImages.MAKER);
        SigningKey read = FirmwareKeys.readSigningKey(file);

        assertThat(read.publicKey()).isEqualTo(TestImages.MAKER.publicKey());
        assertThat(read.sign(new byte[] {7})).isEqualTo(TestImages.MAKER.sign(new byte[] {7}));
        assertThat(FirmwareKeys.readPublicKey(file)).isEqualTo(TestImages.MAKER.publicKey());
        assertThat(Files.readString(file)).contains("\"format\" : \"gridside-firmware-key/1\"");
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }

    @Test
    void aPublicCopyTrustsButCannotSign() throws IOException {
        Path file = dir.resolve("maker.json");

        FirmwareKeys.writePublicKey(file, TestImages.MAKER.publicKey());

        assertThat(Files.readString(file)).doesNotContain("privateKey");
        assertThatThrownBy(() -> FirmwareKeys.readSigningKey(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("only the public key");
    }

    @Test
    void neverReplacesAKeyFile() throws IOException {
        Path file = dir.resolve("maker.key.json");
        FirmwareKeys.writeSigningKey(file, TestImages.MAKER);

        assertThatThrownBy(() -> FirmwareKeys.writeSigningKey(file, TestImages.STRANGER))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(FirmwareKeys.readSigningKey(file).publicKey()).isEqualTo(TestImages.MAKER.publicKey());
    }

    @Test
    void refusesAPrivateKeyThatDoesNotMatchItsPublicKey() throws IOException {
        Path file = dir.resolve("maker.key.json");
        FirmwareKeys.writeSigningKey(file, TestImages.MAKER);
        Files.writeString(file, Files.readString(file).replace(TestImages.MAKER.publicKey().base64(),
                TestImages.STRANGER.publicKey().base64()));

        assertThatThrownBy(() -> FirmwareKeys.readSigningKey(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("do not belong together");
    }

    @Test
    void refusesAnotherKindOfKeyFile() throws IOException {
        Path file = dir.resolve("operator.json");
        Files.writeString(file, "{\"format\":\"gridside-operator-key/1\",\"keyId\":\"k\",\"publicKey\":\""
                + TestImages.MAKER.publicKey().base64() + "\"}");

        assertThatThrownBy(() -> FirmwareKeys.readPublicKey(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a firmware key file");
    }

    @Test
    void loadsEveryKeyFileOfAFolderAndTrustsThoseKeysOnly() throws IOException {
        FirmwareKeys.writePublicKey(dir.resolve("a.json"), TestImages.MAKER.publicKey());
        FirmwareKeys.writeSigningKey(dir.resolve("b.json"), TestImages.STRANGER);
        Files.writeString(dir.resolve("notes.txt"), "not a key");

        FirmwareKeys keys = FirmwareKeys.load(dir);

        assertThat(keys.keys()).containsExactly(TestImages.MAKER.publicKey(), TestImages.STRANGER.publicKey());
        assertThat(keys.trusts(TestImages.MAKER.publicKey())).isTrue();
        assertThat(keys.trusts(SigningKey.fromSeed(ByteString.fromHex("07".repeat(32))).publicKey())).isFalse();
    }

    @Test
    void refusesToLoadAFolderThatDoesNotExist() {
        assertThatThrownBy(() -> FirmwareKeys.load(dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void joinsTwoTrusts() {
        FirmwareKeys both = FirmwareKeys.of(TestImages.MAKER.publicKey())
                .with(FirmwareKeys.of(TestImages.STRANGER.publicKey()));

        assertThat(both.fingerprints()).containsExactly(TestImages.MAKER.fingerprint(),
                TestImages.STRANGER.fingerprint());
    }
}
