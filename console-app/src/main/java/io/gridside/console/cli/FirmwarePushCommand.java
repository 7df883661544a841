package io.gridside.console.cli;

import io.gridside.console.service.SiteMismatchException;
import io.gridside.console.service.firmware.FirmwareCampaigns;
import io.gridside.console.service.firmware.FirmwarePush;
import io.gridside.console.service.firmware.FirmwareTrust;
import io.gridside.console.service.firmware.ImageReview;
import io.gridside.console.service.firmware.PushProgress;
import io.gridside.console.service.firmware.PushResult;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.site.firmware.CampaignPlan;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareRefusedException;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... firmware push IMAGE --target gateway|meters}: checks an image, carries it to the
 * gateway (resuming from what it holds), and installs it on the gateway or starts a meter campaign with it.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Checks the image file against the keys trusted and what runs on the target before a byte is "
            + "sent (a refused image exits with 1 and its FIRMWARE_* code), then sends the chunks the gateway lacks, "
            + "with progress on stderr: a push that stopped (a pulled cable, a closed console) resumes where it "
            + "stopped when it is run again.",
            "--target gateway installs the image (a supervisor's credential; a technician's push is refused before "
                + "a byte is sent): the gateway boots it on trial and confirms it after its health checks, or "
                + "reverts by itself. Exits with 0 when confirmed, 1 when reverted. A good file of the version the "
                + "gateway runs already is not sent again: it says so and exits with 0.",
            "--target meters pulls the fleet, prints the campaign's plan (waves with their size, hop range and "
                + "hardware; meters left out and why) and starts the campaign (a supervisor's credential), which the "
                + "gateway runs on its own; --plan-only prints the plan and sends nothing. While a campaign of "
                + "another image or policy is not finished, the push is refused (exit 1): abort that one first.",
            "The JSON has: target, version, imageSha256, chunkCount, alreadyHeld, sent, outcome (version, "
                + "confirmed, reason, at, checks), plan (policy, waves, excluded), campaign, ending (installed, "
                + "already_running, by_another_session, plan or started) and message; a refusal or failure prints "
                + "{refusal, message} instead."})
final class FirmwarePushCommand implements Callable<Integer> {

    /** How a push reports progress on stderr: a line at each tenth of the chunks. */
    private static final int STEPS = 10;

    @ParentCommand
    ConnectFirmwareCommand firmware;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The signed firmware image file.")
    Path image;

    @Option(names = "--target", required = true, paramLabel = "gateway|meters",
            description = "Whom the image is for: the gateway itself, or the site's meters.")
    String target;

    @Option(names = "--site", paramLabel = "FILE",
            description = "The site database file (default: the site's own file in the data folder).")
    Path siteFile;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Option(names = "--plan-only", description = "For meters: check the image and print the plan; send nothing.")
    boolean planOnly;

    @picocli.CommandLine.Mixin
    PolicyOptions policy;

    @Override
    public Integer call() throws Exception {
        try {
            return push();
        } catch (RefusedException e) {
            printError(e.code(), e.getMessage());
            throw e;
        } catch (LinkException e) {
            printError(e.gatewayCode() != null ? e.gatewayCode() : e.code().name(), e.getMessage());
            throw e;
        }
    }

    private Integer push() throws Exception {
        boolean gateway = target(target);
        if (!Files.isRegularFile(image)) {
            throw new UsageException("There is no image file at " + image + "; give the path of a signed firmware "
                    + "image.");
        }
        if (gateway && (planOnly || policy.given())) {
            throw new UsageException("--plan-only and the campaign options are for --target meters.");
        }
        CampaignPolicy rules = policy.policy();
        if (!gateway) {
            PolicyOptions.warnings(rules).forEach(command.commandLine().getErr()::println);
        }
        FirmwareTrust trust = ConnectFirmwareCommand.trust();
        // The file is checked whole before the gateway is reached: a damaged file is the file's fault, wherever it
        // was to go. What runs on the gateway is checked once connected.
        ImageReview local = ImageReview.of(image, trust.keys(), null);
        if (!local.acceptable()) {
            throw ConnectFirmwareCommand.refused(local.refused());
        }
        try (GatewayClient client = firmware.open(); SiteStore store = ConnectFirmwareCommand.store(client, siteFile)) {
            FirmwarePush push = new FirmwarePush(trust, store);
            ZoneId zone = ZoneId.of(client.hello().timeZone());
            return gateway ? pushGateway(client, push, zone) : pushMeters(client, push, store, rules, local);
        } catch (FirmwareRefusedException e) {
            throw ConnectFirmwareCommand.refused(e);
        } catch (SiteMismatchException e) {
            throw ConnectFirmwareCommand.mismatch(e);
        } catch (LinkException e) {
            throw ConnectFirmwareCommand.failure(e, true);
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

    private static boolean target(String target) {
        return switch (target) {
            case "gateway" -> true;
            case "meters" -> false;
            default -> throw new UsageException("--target is gateway or meters, not " + target + ".");
        };
    }

    private int pushGateway(GatewayClient client, FirmwarePush push, ZoneId zone) throws Exception {
        PushResult result = push.pushGateway(client, image, progress(), CancelSignal.NEVER);
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(new FirmwareJson.PushJson("gateway", result.version(), result.imageSha256().hex(),
                    result.chunkCount(), result.alreadyHeld(), result.sent(),
                    FirmwareJson.OutcomeJson.of(result.outcome()), null, null,
                    FirmwareJson.lower(result.ending()), result.shortcut())));
        } else {
            if (result.shortcut() != null) {
                out.println(result.shortcut());
            }
            if (result.outcome() != null) {
                FirmwareTexts.printOutcome(out, result.outcome(), zone);
            }
        }
        return result.outcome() == null || result.outcome().confirmed() ? ExitCode.OK : ExitCode.FAILED;
    }

    private int pushMeters(GatewayClient client, FirmwarePush push, SiteStore store, CampaignPolicy rules,
            ImageReview local) throws Exception {
        FirmwareCampaigns campaigns = new FirmwareCampaigns(store);
        FirmwareManifest manifest = local.manifest();
        Optional<CampaignState> current = campaigns.current(client);
        if (planOnly) {
            List<FleetMeter> fleet = campaigns.pullFleet(client, CancelSignal.NEVER);
            ImageReview review = ImageReview.of(image, ConnectFirmwareCommand.trust().keys(),
                    FirmwarePush.meterTarget(fleet));
            if (!review.acceptable()) {
                throw review.refused();
            }
            return printPlan(review.manifest(), fleet, rules, 0, 0, null, current.orElse(null));
        }
        Optional<CampaignState> kept = current.filter(campaign -> campaign.imageSha256()
                .equals(manifest.imageSha256()) && campaign.policy().equals(rules));
        if (current.isPresent() && kept.isEmpty()) {
            throw new RefusedException(conflict(current.get(), manifest, rules), "CAMPAIGN_CONFLICT");
        }
        if (kept.isEmpty()) {
            FirmwarePush.requireSupervisor(client, "Starting a meter campaign");
        }
        PushResult result = push.stageMeterImage(client, image, progress(), CancelSignal.NEVER);
        List<FleetMeter> fleet = campaigns.storedFleet();
        // Another console may have started a campaign while this one sent the image: asked again, it decides.
        CampaignState started;
        boolean joined = kept.isPresent();
        if (kept.isPresent()) {
            started = kept.get();
        } else {
            try {
                FirmwareCampaigns.Started outcome = campaigns.startOrJoin(client, manifest.imageSha256(), rules);
                started = outcome.campaign();
                joined = outcome.joined();
            } catch (FirmwareCampaigns.CampaignInTheWay e) {
                throw new RefusedException(conflict(e.standing(), manifest, rules), "CAMPAIGN_CONFLICT");
            }
        }
        if (joined) {
            command.commandLine().getErr().printf("The gateway has campaign %s of %s by this policy already (%s); "
                    + "it was not started again.%n", started.campaignId(), manifest.version(),
                    FirmwareJson.lower(started.status()));
        }
        return printPlan(manifest, fleet, rules, result.alreadyHeld(), result.sent(), started, null);
    }

    /** Why a push may not start its campaign while {@code current} runs, and what to do. */
    private static String conflict(CampaignState current, FirmwareManifest manifest, CampaignPolicy rules) {
        String which = current.imageSha256().equals(manifest.imageSha256())
                ? "of this image by another policy (" + FirmwareTexts.policy(current.policy()) + "; this push asks "
                        + FirmwareTexts.policy(rules) + ")"
                : "of " + current.version() + " (" + FirmwareTexts.policy(current.policy()) + ")";
        return "The gateway has campaign " + current.campaignId() + " " + which + ", " + FirmwareJson.lower(
                current.status()) + "; a new campaign cannot start beside it, and nothing was sent. To change "
                + "its policy or image, abort it first (gridside connect ... firmware campaign abort --id "
                + current.campaignId() + "), then push again; to stop it for now, pause it (... firmware campaign "
                + "pause --id " + current.campaignId() + ").";
    }

    private int printPlan(FirmwareManifest manifest, List<FleetMeter> fleet, CampaignPolicy rules, int alreadyHeld,
            int sent, CampaignState started, CampaignState unfinished) {
        CampaignPlan plan = FirmwareCampaigns.preview(fleet, manifest, rules);
        PrintWriter out = command.commandLine().getOut();
        String note = unfinished == null ? null : "The gateway has campaign " + unfinished.campaignId() + " of "
                + unfinished.version() + ", " + FirmwareJson.lower(unfinished.status()) + " ("
                + FirmwareTexts.policy(unfinished.policy()) + "): this plan can start only after it is aborted or "
                + "completed.";
        if (json) {
            out.println(Json.write(new FirmwareJson.PushJson("meters", manifest.version(),
                    manifest.imageSha256().hex(), manifest.chunkCount(), alreadyHeld, sent, null,
                    FirmwareJson.PlanJson.of(plan, fleet, rules), FirmwareJson.CampaignJson.of(started),
                    started == null ? "plan" : "started", note)));
            return ExitCode.OK;
        }
        FirmwareTexts.printPlan(out, plan, fleet, rules);
        if (started == null) {
            if (note != null) {
                out.println(note);
            }
            out.println("Plan only: nothing was sent. Push without --plan-only to send the image and start the "
                    + "campaign.");
        } else {
            FirmwareTexts.printCampaign(out, started);
            if (started.status() == CampaignStatus.PAUSED || started.status() == CampaignStatus.HALTED) {
                out.println("The campaign is " + FirmwareJson.lower(started.status()) + ": it moves on only once a "
                        + "supervisor resumes it (gridside connect ... firmware campaign resume --id "
                        + started.campaignId() + ").");
            } else {
                out.println("The gateway runs the campaign on its own; follow it with: gridside connect ... firmware "
                        + "campaign --id " + started.campaignId() + " --watch.");
            }
        }
        return ExitCode.OK;
    }

    /** Prints the push's phases and a line at each tenth of the chunks on stderr. */
    private PushProgress progress() {
        PrintWriter err = command.commandLine().getErr();
        int[] lastStep = {-1};
        return (phase, held, chunkCount, bytesSent) -> {
            switch (phase) {
                case OFFERING -> {
                    if (held > 0) {
                        err.printf("resuming: %d of %d chunks already on the gateway%n", held, chunkCount);
                    }
                    lastStep[0] = held * STEPS / Math.max(1, chunkCount);
                }
                case SENDING -> {
                    int step = held * STEPS / Math.max(1, chunkCount);
                    if (step > lastStep[0]) {
                        lastStep[0] = step;
                        err.printf("sending: %d of %d chunks on the gateway (%d%%)%n", held, chunkCount,
                                held * 100L / Math.max(1, chunkCount));
                    }
                }
                case INSTALLING -> err.println("installing: the gateway boots the image on trial and checks its "
                        + "health; this takes a while");
                default -> {
                    // Checking and done say nothing of their own: the result follows.
                }
            }
            err.flush();
        };
    }
}
