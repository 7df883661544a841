package io.gridside.console.commission;

import io.gridside.console.service.Connector;
import io.gridside.console.service.GatewayPinFile;
import io.gridside.console.service.commission.CommissionService;
import io.gridside.console.service.commission.CommissionSetup;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.SitePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * How the Commissioning screen starts: what makes its service, and what its fields hold at first (the demo fills in
 * its fresh gateway's address, its pack and its customers file; a real day starts empty).
 *
 * @param factory   makes the day's service, in the background, on the first order
 * @param address   the gateway's address to offer, or empty
 * @param pack      the pack file to offer, or empty
 * @param customers the customers file to offer, or empty
 * @param plan      the site to offer in the site's form, or null for an empty form
 * @param remember  keeps the store of a site just created, so that a console closed mid-day resumes it
 */
public record CommissionStart(ServiceCommissionSource.ServiceFactory factory, String address, String pack,
        String customers, SitePlan plan, Consumer<Path> remember) {

    /** The setting that names the store of the commissioning under way, so that the console resumes it. */
    public static final String SETTING_SITE = "commission.site.file";

    /**
     * A day on the console's own session settings: the technician's credential file and its key, the laptop's pinned
     * gateway keys, new stores in the console's sites folder, and the day under way resumed.
     */
    public static CommissionStart forSession(SessionViewModel session) {
        return new CommissionStart(() -> {
            Path file = session.credentialFile();
            if (!Files.exists(file)) {
                throw new IllegalArgumentException(CommissionTexts.text("credential.missing", file));
            }
            SignedCredential credential = CredentialFile.read(file);
            SigningKey key = Connector.technicianKeyFor(file, credential);
            Connector connector = new Connector(GatewayPinFile.of(session.dirs()));
            connector.signWith(key);
            CommissionService service = new CommissionService(new CommissionSetup(
                    session.dirs().data().resolve("sites"), Clock.systemUTC(),
                    target -> () -> connector.connect(target, credential), credential, key, LinkThresholds.DEFAULTS));
            String under = session.settings().get(SETTING_SITE, "");
            if (!under.isBlank() && Files.exists(Path.of(under))) {
                service.resume(Path.of(under));
            }
            return service;
        }, "", "", "", null, file -> session.settings().put(SETTING_SITE, file.toString()));
    }
}
