package io.gridside.console.service.firmware;

import io.gridside.console.service.SiteMismatchException;
import io.gridside.link.auth.Role;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayFirmware;
import io.gridside.link.client.LinkException;
import io.gridside.link.firmware.FirmwareCheck;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.message.FirmwareInstalled;
import io.gridside.link.message.FirmwareState;
import io.gridside.site.SiteInfo;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.GatewayInstall;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a firmware image file to the gateway: checks it as the gateway will before a byte is sent, offers it,
 * sends only the chunks the gateway lacks (the gateway keeps what it took on its flash, so a push that a dropped
 * link or a closed console stopped resumes where it stopped when it is run again), and for a gateway image installs
 * it and keeps how the install ended in the site's database. The gateway checks everything again itself.
 */
public final class FirmwarePush {

    /** The code of a refusal for the session's role, the gateway's own. */
    public static final String ROLE_FORBIDDEN = "ROLE_FORBIDDEN";

    private static final Logger LOG = LoggerFactory.getLogger(FirmwarePush.class);

    private final FirmwareTrust trust;
    private final SiteStore store;

    public FirmwarePush(FirmwareTrust trust, SiteStore store) {
        this.trust = trust;
        this.store = store;
    }

    /**
     * Checks, offers, sends and installs the gateway image {@code image}; only a supervisor's session may install,
     * so a technician's push is refused before a byte is sent. The file passes every check first; when it is the
     * image the gateway runs already (an earlier push installed it, and perhaps its answer was lost with the link),
     * the push sends nothing and ends {@link PushResult.Ending#ALREADY_RUNNING}, with the gateway's last install of
     * it. When another session installed the same image while this one sent it, the push ends
     * {@link PushResult.Ending#BY_ANOTHER_SESSION}.
     *
     * @throws FirmwareRefusedException when the console refuses the image; nothing was sent
     * @throws LinkException when the link fails (push again to resume) or the gateway refuses, with its code; with
     *     {@link LinkException.Code#FORBIDDEN} and {@value #ROLE_FORBIDDEN} when the session is not a supervisor's
     * @throws CancellationException when {@code cancel} stopped the push; the gateway keeps the chunks it took
     * @throws SiteMismatchException when the site database is of another site than the gateway's
     */
    public PushResult pushGateway(GatewayClient client, Path image, PushProgress progress, CancelSignal cancel)
            throws FirmwareRefusedException, LinkException {
        checkSite(client);
        progress.onProgress(PushPhase.CHECKING, 0, 0, 0);
        FirmwareImage file = read(image);
        FirmwareManifest manifest = file.manifest();
        FirmwareState state = client.firmware().state();
        if (runsAlready(image, file, gatewayTarget(state))) {
            progress.onProgress(PushPhase.DONE, manifest.chunkCount(), manifest.chunkCount(), 0);
            return alreadyRunning(state, file);
        }
        requireSupervisor(client, "Installing firmware on the gateway");
        GatewayFirmware.UploadResult upload = send(client, file, progress, cancel);
        if (cancel.isCancelled()) {
            throw new CancellationException("The push of " + manifest.version() + " was stopped before its install; "
                    + "the gateway holds the whole image, and pushing again installs it.");
        }
        progress.onProgress(PushPhase.INSTALLING, manifest.chunkCount(), manifest.chunkCount(), 0);
        FirmwareInstalled installed;
        try {
            installed = client.firmware().install(upload.imageSha256());
        } catch (LinkException e) {
            PushResult elsewhere = installedElsewhere(client, file, upload, e);
            if (elsewhere == null) {
                throw e;
            }
            progress.onProgress(PushPhase.DONE, manifest.chunkCount(), manifest.chunkCount(), 0);
            return elsewhere;
        }
        record(installed.outcome());
        progress.onProgress(PushPhase.DONE, manifest.chunkCount(), manifest.chunkCount(), 0);
        return new PushResult(upload.imageSha256(), manifest.version(), manifest.chunkCount(), upload.alreadyHeld(),
                upload.sent(), installed.outcome());
    }

    /**
     * Refuses, before a byte is sent, what only a supervisor may do when the session's credential is a
     * technician's; the gateway checks the role again itself.
     *
     * @throws LinkException with {@link LinkException.Code#FORBIDDEN} and {@value #ROLE_FORBIDDEN}
     */
    public static void requireSupervisor(GatewayClient client, String what) throws LinkException {
        if (Role.ofWireName(client.hello().role()) != Role.SUPERVISOR) {
            throw new LinkException(LinkException.Code.FORBIDDEN, what + " needs a supervisor's credential, and "
                    + "this session's is a technician's; nothing was sent. Run it again with a supervisor's "
                    + "credential. (" + ROLE_FORBIDDEN + ")");
        }
    }

    /**
     * Checks, offers and sends the meter image {@code image}, which the gateway then holds for a campaign. The
     * image is checked against the site's meters, whose fleet is pulled (and kept) first.
     *
     * @throws FirmwareRefusedException when the console refuses the image; nothing was sent
     * @throws LinkException when the link fails (push again to resume) or the gateway refuses, with its code
     * @throws CancellationException when {@code cancel} stopped the push; the gateway keeps the chunks it took
     */
    public PushResult stageMeterImage(GatewayClient client, Path image, PushProgress progress, CancelSignal cancel)
            throws FirmwareRefusedException, LinkException {
        checkSite(client);
        progress.onProgress(PushPhase.CHECKING, 0, 0, 0);
        FirmwareImage file = read(image);
        check(image, file, null);
        List<FleetMeter> fleet = new FirmwareCampaigns(store).pullFleet(client, cancel);
        check(image, file, meterTarget(fleet));
        GatewayFirmware.UploadResult upload = send(client, file, progress, cancel);
        FirmwareManifest manifest = file.manifest();
        progress.onProgress(PushPhase.DONE, manifest.chunkCount(), manifest.chunkCount(), 0);
        return new PushResult(upload.imageSha256(), manifest.version(), manifest.chunkCount(), upload.alreadyHeld(),
                upload.sent(), null);
    }

    /** What the gateway runs, as an image is checked against it. */
    public static FirmwareCheck.Installed gatewayTarget(FirmwareState state) {
        return new FirmwareCheck.Installed(FirmwareProduct.GATEWAY, List.of(state.hardwareId()),
                state.running().version(), state.running().securityCounter());
    }

    /**
     * What the site's meters run, as a meter image is checked against it: every hardware revision among them, and
     * the oldest version and lowest security counter.
     *
     * @throws FirmwareRefusedException with {@code OTHER_HARDWARE} when the gateway lists no meter
     */
    public static FirmwareCheck.Installed meterTarget(List<FleetMeter> fleet) throws FirmwareRefusedException {
        if (fleet.isEmpty()) {
            throw new FirmwareRefusedException(FirmwareRefusal.OTHER_HARDWARE, "The gateway lists no meters, so a "
                    + "meter image has nothing to update here. Check that this is the site you meant.");
        }
        return FirmwareCheck.Installed.meters(fleet);
    }

    private static FirmwareImage read(Path image) throws FirmwareRefusedException {
        try {
            return FirmwareImage.read(image);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("The image file " + image + " could not be read: "
                    + e.getMessage(), e);
        }
    }

    /** Refuses the image when a check fails; without {@code target}, only its signature, key and bytes. */
    private void check(Path image, FirmwareImage file, FirmwareCheck.Installed target)
            throws FirmwareRefusedException {
        ImageReview review = ImageReview.of(image, file, trust.keys(), target);
        if (!review.acceptable()) {
            LOG.info("The console refused the image {}: {}", image, review.message());
            throw review.refused();
        }
    }

    /**
     * Offers the image and sends what the gateway lacks. The upload's own offer tells what the gateway holds, so
     * that the offering phase and the result agree even while the gateway still takes chunks that an earlier
     * session, cut, had on the way.
     */
    private static GatewayFirmware.UploadResult send(GatewayClient client, FirmwareImage file, PushProgress progress,
            CancelSignal cancel) throws LinkException {
        FirmwareManifest manifest = file.manifest();
        boolean[] offered = {false};
        GatewayFirmware.UploadResult upload = client.firmware().upload(file.signedManifestBytes(), manifest,
                file::chunkBytes, (held, count, bytes) -> {
                    progress.onProgress(offered[0] ? PushPhase.SENDING : PushPhase.OFFERING, held, count, bytes);
                    offered[0] = true;
                }, cancel);
        LOG.info("The gateway holds all {} chunks of {}: {} held before, {} sent, {} sent again.",
                upload.chunkCount(), manifest.version(), upload.alreadyHeld(), upload.sent(), upload.resent());
        return upload;
    }

    /**
     * Checks the file against what the gateway runs: every check must pass, but for the version when it is the
     * one running, so that a damaged or badly signed copy of the running image is refused like any other.
     *
     * @return whether the gateway runs this image already
     *
     * <p>KNOWN SHORTCOMING: "runs already" goes by the version, since the gateway's state names no SHA-256 of the
     * running slot; another build signed under the same version would be told it runs already.
     */
    private boolean runsAlready(Path image, FirmwareImage file, FirmwareCheck.Installed target)
            throws FirmwareRefusedException {
        List<FirmwareCheck.Result> failed = FirmwareCheck.reviewImage(file, trust.keys(), target).stream()
                .filter(result -> !result.passed()).toList();
        for (FirmwareCheck.Result result : failed) {
            if (result.refusal() != FirmwareRefusal.ALREADY_INSTALLED) {
                LOG.info("The console refused the image {}: {}", image, result.detail());
                throw new FirmwareRefusedException(result.refusal(), result.detail());
            }
        }
        return !failed.isEmpty();
    }

    /**
     * The result of a push of the image the gateway runs: nothing sent, and the gateway's last install when it
     * was of this image (kept in the database, as an earlier push whose answer was lost would have).
     *
     * <p>KNOWN SHORTCOMING: a reverted install whose answer was lost is not told from an image never installed,
     * so pushing again boots it on trial once more; the gateway's state (firmware status) shows the revert.
     */
    private PushResult alreadyRunning(FirmwareState state, FirmwareImage file) {
        FirmwareState.Outcome last = state.lastUpdate();
        String version = file.manifest().version();
        FirmwareState.Outcome outcome = last != null && last.version().equals(version) ? last : null;
        if (outcome != null) {
            record(outcome);
        }
        return new PushResult(file.manifest().imageSha256(), version, file.manifest().chunkCount(), 0, 0, outcome,
                PushResult.Ending.ALREADY_RUNNING);
    }

    /**
     * When the gateway refused this session's install because another session installed the same image first
     * (the image then runs, and the staged copy is gone), that install as this push's result; null otherwise.
     *
     * <p>KNOWN SHORTCOMING: a gateway that answers a repeated install with the outcome of the one that ran (as the
     * simulated gateway may) is not told apart: the push then reports that outcome as its own install.
     */
    private PushResult installedElsewhere(GatewayClient client, FirmwareImage file,
            GatewayFirmware.UploadResult upload, LinkException refused)
            throws LinkException {
        if (refused.gatewayCode() == null || !refused.gatewayCode().startsWith("FIRMWARE_")) {
            return null;
        }
        FirmwareState now = client.firmware().state();
        FirmwareState.Outcome last = now.lastUpdate();
        String version = file.manifest().version();
        if (!now.running().version().equals(version) || last == null || !last.version().equals(version)) {
            return null;
        }
        LOG.info("Another session installed {} while this one pushed it; the gateway answered: {}", version,
                refused.getMessage());
        record(last);
        return new PushResult(upload.imageSha256(), version, upload.chunkCount(), upload.alreadyHeld(),
                upload.sent(), last, PushResult.Ending.BY_ANOTHER_SESSION);
    }

    private void record(FirmwareState.Outcome outcome) {
        store.firmware().recordInstall(install(outcome));
    }

    /** An install's outcome as the site's database keeps it. */
    public static GatewayInstall install(FirmwareState.Outcome outcome) {
        return new GatewayInstall(outcome.at(), outcome.version(), outcome.confirmed(), outcome.reason(),
                outcome.checks().stream().map(check -> new GatewayInstall.Check(check.name(), check.passed(),
                        check.detail())).toList());
    }

    private void checkSite(GatewayClient client) {
        String gatewaySite = client.hello().siteId();
        String storeSite = store.site().map(SiteInfo::siteId).orElse(gatewaySite);
        if (!gatewaySite.equals(storeSite)) {
            throw new SiteMismatchException("site.mismatch.firmware", "The site database " + store.file()
                    + " holds site " + storeSite + ", but the gateway is of site " + gatewaySite + "; use this site's "
                    + "database.", store.file(), storeSite, gatewaySite);
        }
    }
}
