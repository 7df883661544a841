package io.gridside.console.cli;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.firmware.FirmwareKeys;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/**
 * {@code gridside firmware}: makes firmware keys, signs and checks firmware images, and writes the simulated site's
 * sample images. Pushing an image to a gateway is {@code gridside connect ... firmware push}.
 */
@Command(name = "firmware", mixinStandardHelpOptions = true,
        description = {"Makes firmware keys, signs and checks firmware images, and writes the simulated site's "
            + "sample images.", "To push an image to a gateway: gridside connect ... firmware push IMAGE."},
        subcommands = {FirmwareKeygenCommand.class, FirmwareSignCommand.class, FirmwareVerifyCommand.class,
            FirmwareSamplesCommand.class})
final class FirmwareCommand {

    /** The code of a firmware key file that cannot be read. */
    static final String KEYS_UNREADABLE = "FIRMWARE_KEYS";

    /** The signing copy of a firmware key file, or a usage refusal that says what is wrong with it. */
    static SigningKey signingKey(Path file) {
        return KeyFiles.read(file, FirmwareKeys::readSigningKey);
    }

    /** The public key of a firmware key file, or a usage refusal that says what is wrong with it. */
    static FirmwareKeys publicKey(Path file) {
        return KeyFiles.read(file, path -> FirmwareKeys.of(FirmwareKeys.readPublicKey(path)));
    }

    /** The keys of a folder of key files, or a usage refusal that says what is wrong with one. */
    static FirmwareKeys folder(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UsageException("There is no folder " + directory + "; give the folder of the firmware key "
                    + "files to trust.");
        }
        return KeyFiles.read(directory, FirmwareKeys::load);
    }

    /** Reads firmware key files with refusals the technician can act on. */
    private static final class KeyFiles {

        interface Reader<T> {
            T read(Path file) throws IOException;
        }

        static <T> T read(Path file, Reader<T> reader) {
            try {
                return reader.read(file);
            } catch (NoSuchFileException e) {
                throw new UsageException("The firmware key file " + e.getFile() + " does not exist; check the path.",
                        e, KEYS_UNREADABLE);
            } catch (CharacterCodingException e) {
                throw new UsageException("The file " + file + " is not a firmware key file: it is not even text. "
                        + "Give a key file that gridside firmware keygen wrote.", e, KEYS_UNREADABLE);
            } catch (IOException e) {
                throw new UsageException(sentence(e.getMessage()) + " Check that you gave a firmware key file.", e,
                        KEYS_UNREADABLE);
            }
        }

        private static String sentence(String message) {
            String text = message == null || message.isBlank() ? "The key file cannot be read." : message.strip();
            return text.endsWith(".") ? text : text + ".";
        }
    }
}
