package io.gridside.console.cli;

import io.gridside.console.service.firmware.FirmwareCampaigns;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... firmware campaign [pause|resume|abort]}: where a meter campaign stands, per wave and
 * status, or a technician's pause, resume or abort of it; every state heard is kept in the site's database.
 */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = {"Shows where a meter campaign stands: its status, and for each wave how many meters "
            + "confirmed, are in progress, pending, unreachable, deferred, failed or not updated. With pause, resume "
            + "or abort, steers it first: a technician may pause or abort; resuming takes a supervisor's "
            + "credential. Abort leaves the meters that confirmed on the new image.",
            "--watch asks again every --every seconds until the campaign is no longer running; it exits with 1 "
                + "when the campaign halted itself or was aborted.",
            "The JSON has: campaignId, version, imageSha256, status, reason, started, updated, policy, counts, "
                + "waves (number, status, size, soakUntil, counts) and meters (meterId, wave, status, attempts, "
                + "reason, version); with --watch, one such object per line each time it changes."})
final class FirmwareCampaignCommand implements Callable<Integer> {

    @ParentCommand
    ConnectFirmwareCommand firmware;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", arity = "0..1", paramLabel = "pause|resume|abort",
            description = "What to do with the campaign; without it, only show it.")
    String action;

    @Option(names = "--id", paramLabel = "ID",
            description = "The campaign (default: the one the gateway runs or last ran).")
    String campaignId;

    @Option(names = "--watch", description = "Ask again until the campaign is no longer running.")
    boolean watch;

    @Option(names = "--every", paramLabel = "SECONDS", defaultValue = "30",
            description = "How often --watch asks (default: ${DEFAULT-VALUE}).")
    int everySeconds;

    @Option(names = "--site", paramLabel = "FILE",
            description = "The site database file (default: the site's own file in the data folder).")
    Path siteFile;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (everySeconds < 1 || everySeconds > 3600) {
            throw new UsageException("--every is from 1 to 3600 seconds.");
        }
        if (action != null && !action.matches("pause|resume|abort")) {
            throw new UsageException("The action is pause, resume or abort, not " + action + ".");
        }
        if (campaignId != null && campaignId.isBlank()) {
            throw new UsageException("--id takes a campaign's id, such as fw-20261205-090700-a1b2c3; leave it out "
                    + "for the campaign the gateway runs or last ran.");
        }
        try {
            return follow();
        } catch (RefusedException e) {
            printError(e.code(), e.getMessage());
            throw e;
        } catch (LinkException e) {
            printError(e.gatewayCode() != null ? e.gatewayCode() : e.code().name(), e.getMessage());
            throw e;
        }
    }

    /** With --json, the refusal or failure as a JSON object on stdout, as verify --json gives it. */
    private void printError(String code, String message) {
        if (json) {
            PrintWriter out = command.commandLine().getOut();
            out.println(Json.write(FirmwareJson.ErrorJson.of(code, message)));
            out.flush();
        }
    }

    private Integer follow() throws Exception {
        try (GatewayClient client = firmware.open(); SiteStore store = ConnectFirmwareCommand.store(client, siteFile)) {
            FirmwareCampaigns campaigns = new FirmwareCampaigns(store);
            Duration skew = Duration.between(Instant.now(), client.lastGatewayClock());
            ZoneId zone = ZoneId.of(client.hello().timeZone());
            CampaignState state = act(client, campaigns);
            print(state, skew, zone);
            // KNOWN SHORTCOMING: a watch ends with the link's failure when the link drops; it does not reconnect.
            while (watch && state.status() == CampaignStatus.RUNNING) {
                Thread.sleep(Duration.ofSeconds(everySeconds).toMillis());
                CampaignState next = campaigns.refresh(client, state.campaignId());
                if (!next.equals(state)) {
                    print(next, skew, zone);
                }
                state = next;
            }
            return watch && (state.status() == CampaignStatus.HALTED || state.status() == CampaignStatus.ABORTED)
                    ? ExitCode.FAILED : ExitCode.OK;
        } catch (LinkException e) {
            throw ConnectFirmwareCommand.failure(e);
        }
    }

    private CampaignState act(GatewayClient client, FirmwareCampaigns campaigns) throws LinkException {
        if (action == null) {
            return campaigns.refresh(client, campaignId);
        }
        String id = campaignId != null ? campaignId : campaigns.refresh(client, null).campaignId();
        return switch (action) {
            case "pause" -> campaigns.pause(client, id);
            case "resume" -> campaigns.resume(client, id);
            default -> campaigns.abort(client, id);
        };
    }

    /**
     * Prints a campaign; {@code skew} is how far the gateway's clock is ahead of this machine's.
     *
     * <p>KNOWN SHORTCOMING: the skew is measured once, at the hello, so the next quarter hour a long --watch names
     * drifts from the gateway's when the gateway's clock runs at another pace, as a simulated site's may.
     */
    private void print(CampaignState state, Duration skew, ZoneId zone) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            String text = Json.write(FirmwareJson.CampaignJson.of(state));
            out.println(watch ? text.replaceAll("\\s*\\R\\s*", " ") : text);
        } else {
            FirmwareTexts.printCampaign(out, state);
            FirmwareTexts.printTiming(out, state, Instant.now().plus(skew), zone);
        }
        out.flush();
    }
}
