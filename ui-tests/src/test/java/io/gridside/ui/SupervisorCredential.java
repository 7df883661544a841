package io.gridside.ui;

import io.gridside.console.service.AppDirs;
import io.gridside.console.service.Settings;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.link.auth.CredentialFile;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimulatedSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** A demo supervisor's credential file, chosen in the console's settings as a technician would choose theirs. */
final class SupervisorCredential {

    private SupervisorCredential() {
    }

    /** The settings of {@code dirs}, with a supervisor's credential for {@code site} written to {@code home}. */
    static Settings settingsFor(AppDirs dirs, Path home, SimulatedSite site, Instant now) throws IOException {
        Path credential = home.resolve("supervisor.credential.json");
        Files.deleteIfExists(credential);
        CredentialFile.write(credential, DemoOperator.supervisorFor(site.gateway().profile().siteId(), now));
        Settings settings = Settings.load(dirs);
        settings.put(SessionViewModel.SETTING_CREDENTIAL, credential.toString());
        return settings;
    }
}
