package io.gridside.console.cli;

import io.gridside.console.service.firmware.FirmwareCampaigns;
import io.gridside.console.service.firmware.FirmwarePush;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.FirmwareState;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... firmware status}: what firmware the gateway runs and holds, how its last install
 * ended, and where its current or last meter campaign stands; kept in the site's database.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows the gateway's two firmware slots, how its last install ended (confirmed, or reverted "
            + "and why, with its health checks), the images it holds or is receiving, and a summary of its current "
            + "or last meter campaign. The last install and the campaign are kept in the site's database.",
            "The JSON has: hardwareId, running and other (name, version, securityCounter, confirmed), lastUpdate "
                + "(version, confirmed, reason, at, checks), staged (product, version, imageSha256, chunkCount, "
                + "held, complete) and campaign (as firmware campaign --json gives it, or null)."})
final class FirmwareStatusCommand implements Callable<Integer> {

    @ParentCommand
    ConnectFirmwareCommand firmware;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", paramLabel = "FILE",
            description = "The site database file (default: the site's own file in the data folder).")
    Path siteFile;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        FirmwareState state;
        CampaignState campaign = null;
        ZoneId zone;
        try (GatewayClient client = firmware.open(); SiteStore store = ConnectFirmwareCommand.store(client, siteFile)) {
            zone = ZoneId.of(client.hello().timeZone());
            state = client.firmware().state();
            if (state.lastUpdate() != null) {
                store.firmware().recordInstall(FirmwarePush.install(state.lastUpdate()));
            }
            if (state.campaignId() != null) {
                campaign = new FirmwareCampaigns(store).refresh(client, state.campaignId());
            }
        } catch (LinkException e) {
            throw ConnectFirmwareCommand.failure(e);
        }
        print(state, campaign, zone);
        return ExitCode.OK;
    }

    private void print(FirmwareState state, CampaignState campaign, ZoneId zone) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(FirmwareJson.StatusJson.of(state, campaign)));
            return;
        }
        out.printf("Gateway hardware %s%n", state.hardwareId());
        printSlot(out, "running", state.running());
        printSlot(out, "other", state.other());
        if (state.lastUpdate() == null) {
            out.println("Last install: none");
        } else {
            out.print("Last install: ");
            FirmwareTexts.printOutcome(out, state.lastUpdate(), zone);
        }
        out.printf("Images held: %d%n", state.staged().size());
        for (FirmwareState.Staged staged : state.staged()) {
            out.printf("  %-7s %-20s %d of %d chunks%s  %s%n", staged.product().name().toLowerCase(Locale.ROOT),
                    staged.version(), staged.held(), staged.chunkCount(), staged.complete() ? " (whole)" : "",
                    staged.imageSha256().hex());
        }
        if (campaign == null) {
            out.println("Meter campaign: none");
        } else {
            FirmwareTexts.printCampaign(out, campaign);
        }
    }

    private static void printSlot(PrintWriter out, String which, FirmwareState.Slot slot) {
        if (slot == null) {
            out.printf("  %-8s empty%n", which);
            return;
        }
        out.printf("  %-8s slot %s: %s (security counter %d)%s%n", which, slot.name(), slot.version(),
                slot.securityCounter(), slot.confirmed() ? "" : ", on trial");
    }
}
