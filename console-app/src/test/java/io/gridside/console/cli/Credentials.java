package io.gridside.console.cli;

import io.gridside.link.auth.TechnicianKeyFile;
import io.gridside.sim.DemoOperator;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.SignedCredential;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Credential files and a private home folder for command-line tests. A demo credential's key file is written
 * next to it, as {@code credential issue} writes one.
 */
final class Credentials {

    private Credentials() {
    }

    /** Writes {@code credential} to {@code name} in {@code dir}; returns the file's path as the CLI takes it. */
    static String write(Path dir, String name, SignedCredential credential) throws IOException {
        Path file = dir.resolve(name);
        CredentialFile.write(file, credential);
        if (DemoOperator.holderKey().publicKey().equals(credential.credential().technicianKey())) {
            TechnicianKeyFile.write(TechnicianKeyFile.nextTo(file), credential.technicianId(),
                    DemoOperator.holderKey());
        }
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
