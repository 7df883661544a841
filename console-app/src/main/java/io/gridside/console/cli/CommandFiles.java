package io.gridside.console.cli;

import io.gridside.console.service.Connector;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianKeyFile;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.KeyReplacementFile;
import io.gridside.link.auth.OperatorKey;
import io.gridside.link.auth.OperatorKeyFile;
import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SignedKeyReplacement;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The files the commands read and write, with refusals the technician can act on: a missing file, a file that is
 * not of the kind asked for, or a file that would be overwritten each get one plain sentence and a code.
 */
final class CommandFiles {

    static final String CREDENTIAL_UNREADABLE = "CREDENTIAL_UNREADABLE";
    static final String OPERATOR_KEY_UNREADABLE = "OPERATOR_KEY_UNREADABLE";
    static final String RECORD_UNREADABLE = "RECORD_UNREADABLE";
    static final String FILE_EXISTS = "FILE_EXISTS";

    private CommandFiles() {
    }

    /** Reads a file that may fail with an {@link IOException}. */
    private interface Reader<T> {
        T read(Path file) throws IOException;
    }

    static SignedCredential credential(Path file) {
        return read(file, CredentialFile::read, "credential file", "a Gridside credential file",
                CREDENTIAL_UNREADABLE);
    }

    /** The private key kept next to the credential file {@code file}, or null; see {@link Connector}. */
    static SigningKey technicianKey(Path file, SignedCredential credential) {
        return read(TechnicianKeyFile.nextTo(file), path -> Connector.technicianKeyFor(file, credential),
                "technician key file",
                "a Gridside technician key file", CREDENTIAL_UNREADABLE);
    }

    static OperatorKey operatorKey(Path file) {
        return read(file, OperatorKeyFile::readPublic, "operator key file", "a Gridside operator key file",
                OPERATOR_KEY_UNREADABLE);
    }

    static OperatorSigningKey signingKey(Path file) {
        return read(file, OperatorKeyFile::readSigning, "operator key file", "a Gridside operator key file",
                OPERATOR_KEY_UNREADABLE);
    }

    static SignedKeyReplacement keyReplacement(Path file) {
        return read(file, KeyReplacementFile::read, "key replacement record", "a Gridside key replacement record",
                RECORD_UNREADABLE);
    }

    private static <T> T read(Path file, Reader<T> reader, String what, String kind, String code) {
        if (Files.isDirectory(file)) {
            throw new UsageException("The " + what + " " + file + " is a folder; give the path of the file itself.",
                    null, code);
        }
        try {
            return reader.read(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("The " + what + " " + file + " does not exist; check the path.", e, code);
        } catch (AccessDeniedException e) {
            throw new UsageException("The " + what + " " + file + " cannot be opened: this user may not read it.",
                    e, code);
        } catch (CharacterCodingException | CharConversionException e) {
            throw new UsageException(file + " is not " + kind + ": it is not UTF-8 JSON. Check that you gave the "
                    + "right file.", e, code);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException(sentence(e.getMessage()) + " Check that you gave the right file.", e, code);
        }
    }

    /**
     * Refuses to write over {@code out}, or into a folder that does not exist, before anything is signed; the
     * writers check again, and {@link #written} words what they find.
     */
    static void requireNew(Path out, String option) {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(out, option, null);
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new UsageException("The folder " + folder + " of " + option + " does not exist; create it first, "
                    + "or choose a path in a folder that exists.");
        }
    }

    /** Writes with {@code writer}, turning a file that appeared meanwhile into the same refusal. */
    static void written(Path out, String option, Writer writer) throws IOException {
        try {
            writer.write();
        } catch (FileAlreadyExistsException e) {
            throw exists(out, option, e);
        }
    }

    /** Writes a file that may fail with an {@link IOException}. */
    interface Writer {
        void write() throws IOException;
    }

    private static UsageException exists(Path out, String option, Throwable cause) {
        return new UsageException(out + " exists already and is never replaced: choose another path for " + option
                + ", or move the old file away first.", cause, FILE_EXISTS);
    }

    private static String sentence(String message) {
        String text = message == null || message.isBlank() ? "The file cannot be read." : message.strip();
        return text.endsWith(".") ? text : text + ".";
    }
}
