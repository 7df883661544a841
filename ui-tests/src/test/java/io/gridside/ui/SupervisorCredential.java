package io.gridside.ui;

import io.gridside.console.service.AppDirs;
import io.gridside.console.service.Settings;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.TechnicianKeyFile;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimulatedSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A demo supervisor's credential file and its key, chosen in the console's settings as a technician would choose
 * theirs.
 */
final class SupervisorCredential {

    private SupervisorCredential() {
    }

    /** The settings of {@code dirs}, with a supervisor's credential for {@code site} written to {@code home}. */
    static Settings settingsFor(AppDirs dirs, Path home, SimulatedSite site, Instant now) throws IOException {
        Path credential = home.resolve("supervisor.credential.json");
        Files.deleteIfExists(credential);
        SignedCredential supervisor = DemoOperator.supervisorFor(site.gateway().profile().siteId(), now);
        CredentialFile.write(credential, supervisor);
        writeKeyBeside(credential, supervisor);
        Settings settings = Settings.load(dirs);
        settings.put(SessionViewModel.SETTING_CREDENTIAL, credential.toString());
        return settings;
    }

    /**
     * Writes the private key of a demo credential beside its file, as {@code credential issue} leaves it: without it
     * the console may read but not move money.
     */
    static void writeKeyBeside(Path credentialFile, SignedCredential credential) throws IOException {
        Path key = TechnicianKeyFile.nextTo(credentialFile);
        Files.deleteIfExists(key);
        TechnicianKeyFile.write(key, credential.technicianId(), DemoOperator.holderKey());
    }
}
