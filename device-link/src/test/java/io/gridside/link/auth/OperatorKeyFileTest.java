package io.gridside.link.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void writesTheSigningCopyForItsOwnerOnlyAndReadsItBack() throws IOException {
        OperatorSigningKey key = new OperatorSigningKey("kisima-ops-2026", SigningKey.generate());
        Path file = dir.resolve("operator.key.json");

        OperatorKeyFile.writeSigning(file, key);
        OperatorSigningKey read = OperatorKeyFile.readSigning(file);

        assertThat(read.keyId()).isEqualTo("kisima-ops-2026");
        assertThat(read.key().publicKey()).isEqualTo(key.key().publicKey());
        assertThat(read.key().sign(new byte[] {1})).isEqualTo(key.key().sign(new byte[] {1}));
        assertThat(OperatorKeyFile.readPublic(file)).isEqualTo(key.publicKey());
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }

    @Test
    void aPublicCopyTrustsButCannotSign() throws IOException {
        OperatorSigningKey key = new OperatorSigningKey("kisima-ops-2026", SigningKey.generate());
        Path file = dir.resolve("operator.pub.json");

        OperatorKeyFile.writePublic(file, key.publicKey());

        assertThat(OperatorKeyFile.readPublic(file)).isEqualTo(key.publicKey());
        assertThat(Files.readString(file)).doesNotContain("privateKey");
        assertThatThrownBy(() -> OperatorKeyFile.readSigning(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("only the public key");
    }

    @Test
    void refusesAPrivateKeyThatDoesNotMatchItsPublicKey() throws IOException {
        Path file = dir.resolve("operator.key.json");
        OperatorKeyFile.writeSigning(file, new OperatorSigningKey("k", SigningKey.generate()));
        String otherPublic = SigningKey.generate().publicKey().base64();
        String text = Files.readString(file).replaceAll("\"publicKey\" : \"[^\"]+\"", "\"publicKey\" : \""
                + otherPublic + "\"");
        Files.writeString(file, text);

        assertThatThrownBy(() -> OperatorKeyFile.readSigning(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("do not belong together");
    }
}
