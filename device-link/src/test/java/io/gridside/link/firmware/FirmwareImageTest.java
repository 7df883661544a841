package io.gridside.link.firmware;

import static io.gridside.link.firmware.SignedManifestTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FirmwareImageTest {

    @TempDir
    Path dir;

    private final FirmwareImage image = TestImages.gateway();

    @Test
    void writesAFileThatReadsBackToTheSameImage() throws IOException, FirmwareRefusedException {
        Path file = dir.resolve("gw-2.5.0.gsfw");

        image.write(file);
        FirmwareImage read = FirmwareImage.read(file);

        assertThat(read.signed()).isEqualTo(image.signed());
        assertThat(read.bytes()).isEqualTo(TestImages.bytes(2_000));
        assertThat(read.signedManifestBytes()).isEqualTo(ByteString.of(image.signed().encode()));
        assertThat(Files.readAllBytes(file)).isEqualTo(image.fileBytes());
    }

    @Test
    void laysOutMagicFormatManifestLengthManifestAndImage() {
        byte[] file = image.fileBytes();
        int manifest = image.signedManifestBytes().size();

        assertThat(Arrays.copyOf(file, 8)).isEqualTo(new byte[] {(byte) 0x89, 'G', 'S', 'F', 'W', '\r', '\n', 0x1a});
        assertThat(file[8]).isEqualTo((byte) 1);
        assertThat(((file[9] & 0xff) << 24) | ((file[10] & 0xff) << 16) | ((file[11] & 0xff) << 8)
                | (file[12] & 0xff)).isEqualTo(manifest);
        assertThat(Arrays.copyOfRange(file, 13 + manifest, file.length)).isEqualTo(image.bytes());
    }

    @Test
    void describesTheImageInChunksWithTheirHashes() {
        var manifest = image.manifest();

        assertThat(manifest.product()).isEqualTo(FirmwareProduct.GATEWAY);
        assertThat(manifest.hardwareIds()).containsExactly("gw-r1");
        assertThat(manifest.imageSize()).isEqualTo(2_000);
        assertThat(manifest.chunkCount()).isEqualTo(4);
        assertThat(image.chunk(3)).isEqualTo(Arrays.copyOfRange(TestImages.bytes(2_000), 1_536, 2_000));
        assertThat(manifest.chunkSha256().get(3)).isEqualTo(Sha256.of(image.chunk(3), 0, 464));
        assertThat(manifest.imageSha256()).isEqualTo(image.sha256());
    }

    @Test
    void buildsTheSameBytesFromTheSameInputs() {
        assertThat(TestImages.gateway().fileBytes()).isEqualTo(image.fileBytes());
    }

    @Test
    void refusesARawBinaryAsUnsigned() throws IOException {
        Path file = dir.resolve("gw-2.5.0.bin");
        Files.write(file, TestImages.bytes(2_000));

        assertRefused(() -> FirmwareImage.read(file), FirmwareRefusal.UNSIGNED, "raw binary");
    }

    @Test
    void refusesARawBinaryLongerThanAnyImageAsUnsignedWithoutReadingIt() throws IOException {
        Path file = dir.resolve("disk.img");
        try (var raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.write(TestImages.bytes(16));
            raw.setLength(100L * 1024 * 1024);
        }

        assertRefused(() -> FirmwareImage.read(file), FirmwareRefusal.UNSIGNED, "raw binary");
    }

    @Test
    void refusesAnImageFileLongerThanAnyImageAsDamaged() throws IOException {
        Path file = dir.resolve("long.gsfw");
        try (var raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.write(image.fileBytes());
            raw.setLength(100L * 1024 * 1024);
        }

        assertRefused(() -> FirmwareImage.read(file), FirmwareRefusal.DAMAGED, "longer than any firmware image");
    }

    @Test
    void refusesAnImageWhoseManifestNobodySignedAsUnsigned() throws IOException {
        Path file = dir.resolve("unsigned.gsfw");
        FirmwareImage.of(new SignedManifest(image.manifest(), ByteString.of(new byte[0]),
                ByteString.of(new byte[0])), image.bytes()).write(file);

        assertRefused(() -> FirmwareImage.read(file), FirmwareRefusal.UNSIGNED, "nobody signed");
    }

    @ParameterizedTest(name = "cut to {0} bytes")
    @ValueSource(ints = {0, 5, 8, 12, 13, 200, -1})
    void refusesAFileCutShortAsDamaged(int length) throws IOException {
        byte[] whole = image.fileBytes();
        Path file = dir.resolve("cut.gsfw");
        Files.write(file, Arrays.copyOf(whole, length < 0 ? whole.length + length : length));

        assertRefused(() -> FirmwareImage.read(file), FirmwareRefusal.DAMAGED, "cut short");
    }

    @Test
    void refusesBytesBeyondTheImageAsDamaged() {
        byte[] longer = Arrays.copyOf(image.fileBytes(), image.fileBytes().length + 3);

        assertRefused(() -> FirmwareImage.parse(longer), FirmwareRefusal.DAMAGED, "3 bytes more");
    }

    @Test
    void refusesAFormatItDoesNotReadAsDamaged() {
        byte[] file = image.fileBytes();
        file[8] = 2;

        assertRefused(() -> FirmwareImage.parse(file), FirmwareRefusal.DAMAGED, "format 2");
    }

    @Test
    void refusesAChunkSizeThatIsNoPowerOfTwo() {
        assertThatThrownBy(() -> FirmwareImage.build(FirmwareProduct.METER,
                List.of("mtr-r2"), "mtr-1.0.0", 1, 1000, "", TestImages.BUILT, new byte[10], TestImages.MAKER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
    }
}
