package io.gridside.console.cli;

import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.SignedCredential;
import java.io.IOException;
import java.nio.file.Path;

/** Credential files and a private home folder for command-line tests. */
final class Credentials {

    private Credentials() {
    }

    /** Writes {@code credential} to {@code name} in {@code dir}; returns the file's path as the CLI takes it. */
    static String write(Path dir, String name, SignedCredential credential) throws IOException {
        Path file = dir.resolve(name);
        CredentialFile.write(file, credential);
        return file.toString();
    }

    static void restoreHome(String previousHome) {
        if (previousHome == null) {
            System.clearProperty("gridside.home");
        } else {
            System.setProperty("gridside.home", previousHome);
        }
    }
}
