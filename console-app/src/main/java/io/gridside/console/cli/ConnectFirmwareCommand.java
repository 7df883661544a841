package io.gridside.console.cli;

import io.gridside.console.service.AppDirs;
import io.gridside.console.service.SiteMismatchException;
import io.gridside.console.service.firmware.FirmwareTrust;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.site.firmware.FirmwareRefusedException;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gridside connect ... firmware}: pushes firmware images to the gateway and its meters, and follows the
 * gateway's installs and meter campaigns. What the console hears is kept in the site's database.
 */
@Command(name = "firmware", mixinStandardHelpOptions = true,
        description = {"Pushes a signed firmware image to the gateway (which installs it on trial and confirms or "
            + "reverts by itself) or to its meters (which the gateway updates in waves, as a campaign it runs on its "
            + "own), and shows and steers what the gateway does with firmware.",
            "Images are checked against the keys trusted (the data folder's " + FirmwareTrust.DIRECTORY
                + " folder, and the demo key) before a byte is sent; a push that stopped is resumed from the chunks "
                + "the gateway holds."},
        subcommands = {FirmwarePushCommand.class, FirmwareStatusCommand.class, FirmwareCampaignCommand.class})
final class ConnectFirmwareCommand {

    /** The codes of the gateway's firmware and campaign refusals, which fail the operation, not the session. */
    private static final String[] REFUSAL_PREFIXES = {"FIRMWARE_", "CAMPAIGN_"};

    /** What to check when the gateway cannot be reached. */
    static final String UNREACHABLE_HINT = "Check the cable (or the network), that the gateway has power, and the "
            + "address and port (or the serial port) given.";

    /** What to do when a push's link dropped. */
    static final String RESUME_HINT = "Run the same command again: it resumes with the chunks the gateway holds.";

    @ParentCommand
    ConnectCommand connect;

    /** Opens the session the subcommands use; the caller closes it. */
    GatewayClient open() throws IOException {
        return connect.open();
    }

    /** The keys the console trusts, from the data folder. */
    static FirmwareTrust trust() {
        try {
            return FirmwareTrust.load(AppDirs.forCurrentUser().data());
        } catch (IOException e) {
            throw new UsageException("A firmware key file could not be read: " + e.getMessage() + " Fix or remove it.",
                    e, "FIRMWARE_KEYS");
        }
    }

    /**
     * The site database {@code siteFile}, which must exist, or by default the site's own file in the data folder,
     * made if it is not there yet.
     */
    static SiteStore store(GatewayClient client, Path siteFile) {
        if (siteFile != null) {
            return SiteFiles.openExisting(siteFile);
        }
        return SiteStore.open(AppDirs.forCurrentUser().siteDatabase(client.hello().siteId()));
    }

    /** The console's refusal of an image, as the one line and exit code the command line gives it. */
    static RefusedException refused(FirmwareRefusedException e) {
        return new RefusedException(e.getMessage(), e, e.refusal().code());
    }

    static UsageException mismatch(SiteMismatchException e) {
        return new UsageException(e.getMessage(), e, SiteFiles.NO_SITE);
    }

    /**
     * A link failure as the command line reports it: the gateway's refusal of an image or a campaign action fails
     * the operation (exit 1) with the gateway's code; anything else is the link's and stays as it is.
     */
    static Exception failure(LinkException e) {
        return failure(e, false);
    }

    /**
     * As {@link #failure(LinkException)}, with what to do added to a link that could not be reached, and for a
     * push ({@code resumable}) to a link that dropped or stopped answering.
     */
    static Exception failure(LinkException e, boolean resumable) {
        if (e.code() == LinkException.Code.UNREACHABLE) {
            return new LinkException(e.code(), sentence(e.getMessage()) + " " + UNREACHABLE_HINT, e);
        }
        if (resumable && (e.code() == LinkException.Code.CLOSED || e.code() == LinkException.Code.TIMEOUT)) {
            return new LinkException(e.code(), sentence(e.getMessage()) + " " + RESUME_HINT, e);
        }
        String code = e.gatewayCode();
        if (code != null) {
            for (String prefix : REFUSAL_PREFIXES) {
                if (code.startsWith(prefix)) {
                    return new RefusedException(gatewayMessage(e), e, code);
                }
            }
        }
        return e;
    }

    private static String sentence(String message) {
        String text = message == null ? "" : message.strip();
        return text.isEmpty() || text.endsWith(".") ? text : text + ".";
    }

    /** The gateway's sentence without the code the link appends to it in brackets. */
    private static String gatewayMessage(LinkException e) {
        String message = e.getMessage();
        String suffix = " (" + e.gatewayCode() + ")";
        return message.endsWith(suffix) ? message.substring(0, message.length() - suffix.length()) : message;
    }
}
