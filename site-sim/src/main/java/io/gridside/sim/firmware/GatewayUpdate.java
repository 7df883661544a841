package io.gridside.sim.firmware;

import io.gridside.link.firmware.FirmwareCheck;
import io.gridside.link.firmware.FirmwareKeys;
import io.gridside.link.firmware.SignedManifest;
import io.gridside.link.message.ChunkHeld;
import io.gridside.link.message.FirmwareChunk;
import io.gridside.link.message.FirmwareInstalled;
import io.gridside.link.message.FirmwareOffered;
import io.gridside.link.message.FirmwareState;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import io.gridside.site.firmware.FleetMeter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated gateway's images on its flash: what it receives chunk by chunk and holds ({@link ImageStaging}),
 * and its two slots ({@link GatewaySlots}), which an install writes and boots on trial, then confirms after its
 * health checks or reverts by itself. Everything it holds lives under the site's firmware directory, so a gateway
 * started again on the same directory holds the same chunks and boots the slot it should. The gateway's lock guards
 * it (see {@link SimFirmware}); only {@link #runningVersion} may be read without it.
 */
public final class GatewayUpdate {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayUpdate.class);

    private final FirmwareSite site;
    private final ImageStaging staging;
    /**
     * Images with chunks kept and not yet forced to the flash.
     *
     * <p>KNOWN SHORTCOMING: the held counts that GetFirmware reports count such chunks already, a moment before
     * they are forced and acknowledged; only the offer's answer and the acknowledgements promise what survives.
     */
    private final Set<StagedImage> unforced = new LinkedHashSet<>();
    private final GatewaySlots slots;
    private final HealthChecks checks;
    /** The slot it runs now: the one its boot loader boots, or the new one while it is on trial. */
    private String running;
    /** What the running slot holds, which the hello reads without the gateway's lock. */
    private volatile String runningVersion;
    /** Keys trusted to sign firmware besides the site's own, given to the gateway by its owner. */
    private volatile FirmwareKeys alsoTrusted = FirmwareKeys.of();
    /** Where a test cuts the power during an install, or null. */
    private InstallStep cutAt;
    private boolean poweredOff;

    /** The gateway's firmware as its flash holds it; an install a power cut interrupted is reverted now. */
    public GatewayUpdate(FirmwareSite site) {
        this.site = site;
        this.staging = new ImageStaging(site.directory());
        this.slots = GatewaySlots.boot(site.directory(), site.clock());
        this.checks = new HealthChecks(site);
        this.running = slots.booted();
        this.runningVersion = slots.image(running).version();
    }

    /** The version the gateway runs now, as its hello and its node in the mesh say. */
    public String runningVersion() {
        return runningVersion;
    }

    /** What it runs, holds and last installed; {@code campaignId} is the meter campaign it runs or last ran. */
    public FirmwareState state(String campaignId) {
        requirePower();
        String other = GatewaySlots.otherThan(running);
        GatewaySlots.Image otherImage = slots.image(other);
        return new FirmwareState(site.gatewayHardware(), slots.image(running).in(running),
                otherImage == null ? null : otherImage.in(other), slots.last(), staging.list(), campaignId);
    }

    /**
     * Checks an offered image's signed manifest against the keys the gateway trusts and what runs (itself, or
     * its meters for a meter image), and opens its transfer or finds the one under way.
     *
     * @throws FirmwareRefusedException for an image unsigned, signed by a key it does not trust, with a signature
     *     that does not verify, for other hardware, older than what runs or already installed, or malformed
     */
    public FirmwareOffered offer(ByteString signedManifest) throws FirmwareRefusedException {
        requirePower();
        // What the offer's answer says is held must be on the flash; a new image may also replace one.
        flushTaken();
        SignedManifest signed = checked(signedManifest);
        StagedImage image = staging.offered(signedManifest, signed.manifest(), site.clock());
        LOG.info("The gateway took an offer of firmware {}; it holds {} of its {} chunks.",
                signed.manifest().version(), image.heldCount(), signed.manifest().chunkCount());
        return new FirmwareOffered(image.imageSha256(), signed.manifest().chunkCount(), image.heldBits(),
                image.heldCount());
    }

    /**
     * Checks one chunk against its manifest and keeps it on the flash before it answers; a chunk held already is
     * answered again and not written twice. The whole image's SHA-256 is not computed again here: every chunk
     * matched its hash in the signed manifest, and the whole is read back once when the image is installed or rolled
     * out (decision 0082).
     *
     * @throws FirmwareRefusedException with {@code DAMAGED} for a chunk that does not match or of an image not
     *     offered; with
     *     {@code ALREADY_INSTALLED} for a chunk of the image it runs confirmed, installed while it was sent
     */
    public ChunkHeld take(FirmwareChunk chunk) throws FirmwareRefusedException {
        try {
            return takeBeforeFlush(chunk);
        } finally {
            flushTaken();
        }
    }

    /**
     * Checks and keeps one chunk as {@link #take} does, but leaves its forced write to {@link #flushTaken()}: it
     * must not be acknowledged before that.
     */
    public ChunkHeld takeBeforeFlush(FirmwareChunk chunk) throws FirmwareRefusedException {
        return takeBeforeFlush(chunk, null);
    }

    /**
     * Checks and keeps one chunk as {@link #takeBeforeFlush(FirmwareChunk)} does, given the SHA-256 of its data
     * that the gateway's session computed already; null to hash the data here.
     */
    public ChunkHeld takeBeforeFlush(FirmwareChunk chunk, ByteString dataSha256) throws FirmwareRefusedException {
        requirePower();
        StagedImage image = staging.find(chunk.imageSha256());
        if (image == null) {
            refuseIfRunning(chunk.imageSha256());
            throw new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "The gateway was offered no image with"
                    + " SHA-256 " + chunk.imageSha256().hex() + ". Offer the image again before its chunks.");
        }
        FirmwareManifest manifest = image.manifest();
        if (chunk.index() >= manifest.chunkCount()) {
            throw new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "The image " + manifest.version() + " has "
                    + manifest.chunkCount() + " chunks, and no chunk " + chunk.index() + ". Send the image again.");
        }
        if (!image.holds(chunk.index())) {
            if (dataSha256 == null) {
                FirmwareCheck.checkChunk(manifest, chunk.index(), chunk.data());
            } else {
                FirmwareCheck.checkChunk(manifest, chunk.index(), chunk.data().size(), dataSha256);
            }
            image.keep(chunk.index(), chunk.data());
            unforced.add(image);
        }
        return new ChunkHeld(image.imageSha256(), chunk.index(), image.heldCount(), image.complete());
    }

    /** Forces to the flash every chunk kept since the last flush: they may be acknowledged from now on. */
    public void flushTaken() {
        unforced().run();
    }

    /**
     * What forces to the flash every chunk kept so far, to run outside the gateway's lock while more chunks are
     * kept: those it does not cover wait for the next.
     */
    public Runnable unforced() {
        List<StagedImage> images = List.copyOf(unforced);
        unforced.clear();
        return () -> images.forEach(StagedImage::force);
    }

    /**
     * Installs a gateway image held whole: writes it to the inactive slot and checks it there, marks the trial
     * boot, reboots into it, runs the health checks, and confirms it, or reverts to the slot it ran and says why.
     *
     * <p>An install of the image the gateway already runs confirmed answers how that install ended and changes
     * nothing, as when two consoles asked for the same install at once: the gateway's lock makes the second wait
     * for the first, and then it finds the image running.
     *
     * @param by the supervisor who asked, for the log
     * @throws FirmwareRefusedException when the image is not held whole, is a meter image, or no longer fits what
     *     runs (another install came first)
     */
    public FirmwareInstalled install(ByteString imageSha256, String by) throws FirmwareRefusedException {
        requirePower();
        FirmwareInstalled already = alreadyRunning(imageSha256);
        if (already != null) {
            LOG.info("{} asked the gateway to install firmware {}, which it runs confirmed already.", by,
                    already.running().version());
            return already;
        }
        StagedImage image = staging.whole(imageSha256);
        FirmwareManifest manifest = image.manifest();
        if (manifest.product() != FirmwareProduct.GATEWAY) {
            throw new FirmwareRefusedException(FirmwareRefusal.OTHER_HARDWARE, "The image " + manifest.version()
                    + " is a meter image; the gateway rolls it out to its meters in a campaign.");
        }
        checked(image.signedManifest());
        site.catchUp();
        LOG.info("{} asked the gateway to install firmware {} over {}.", by, manifest.version(), runningVersion());
        FirmwareState.Outcome outcome = new SlotInstall(site, slots, checks, this::cut).run(image, running);
        running = slots.booted();
        runningVersion = slots.image(running).version();
        if (outcome.confirmed()) {
            staging.drop(image);
        }
        LOG.info("The gateway's install of {} ended: {}", manifest.version(),
                outcome.confirmed() ? "confirmed" : "reverted, " + outcome.reason());
        return new FirmwareInstalled(outcome, slots.image(running).in(running));
    }

    /**
     * Refuses a chunk of the image the gateway runs confirmed, as when another console installed it while this one
     * still sent it: the staged copy is gone, and nothing is damaged.
     */
    private void refuseIfRunning(ByteString imageSha256) throws FirmwareRefusedException {
        GatewaySlots.Image image = slots.image(running);
        if (image.confirmed() && imageSha256.equals(image.imageSha256())) {
            throw new FirmwareRefusedException(FirmwareRefusal.ALREADY_INSTALLED, "The gateway runs "
                    + image.version() + " already, confirmed: it was installed while this image was being sent."
                    + " Nothing is left to send; ask for its install to hear how it ended.");
        }
    }

    /**
     * How the install of {@code imageSha256} ended when the gateway runs it confirmed now, or null when it runs
     * another image. The outcome is the last install's, or one without checks when a later install of another image
     * reverted since.
     */
    private FirmwareInstalled alreadyRunning(ByteString imageSha256) {
        GatewaySlots.Image image = slots.image(running);
        if (!image.confirmed() || !imageSha256.equals(image.imageSha256())) {
            return null;
        }
        FirmwareState.Outcome last = slots.last();
        FirmwareState.Outcome outcome = last != null && last.confirmed() && last.version().equals(image.version())
                ? last : new FirmwareState.Outcome(image.version(), true, "", site.clock(), List.of());
        return new FirmwareInstalled(outcome, image.in(running));
    }

    /**
     * The manifest of an image held whole.
     *
     * @throws FirmwareRefusedException with {@code DAMAGED} when the image is not held, or not whole
     */
    public FirmwareManifest heldWhole(ByteString imageSha256) throws FirmwareRefusedException {
        requirePower();
        return staging.whole(imageSha256).manifest();
    }

    /** Keeps the images {@code inUse} names, such as a running campaign's, when a new offer needs room. */
    public void protect(Predicate<ByteString> inUse) {
        staging.protect(inUse);
    }

    /**
     * Trusts {@code keys} to sign firmware from now on, besides the site's own keys, as a gateway given its maker's
     * public key files does; the simulated site's command line gives it those of its {@code --firmware-key} options.
     */
    public void trust(FirmwareKeys keys) {
        alsoTrusted = alsoTrusted.with(keys);
    }

    /**
     * For tests and training: makes trial-boot check {@code check} ({@code mesh-radio} or {@code meter-read})
     * fail on every install of this gateway from now on, as a broken image would make it fail.
     *
     * @throws IllegalArgumentException for a check a trial boot does not run
     */
    public void failHealthCheck(String check) {
        checks.fail(check);
    }

    /**
     * For tests and training: cuts the gateway's power at {@code step} of the next install. The install then
     * throws a {@link PowerCutException} and the gateway answers nothing more; start a new gateway on the same
     * journal directory, as after a real power cut, to see what it boots.
     */
    public void cutPowerAt(InstallStep step) {
        this.cutAt = step;
    }

    /** Reached at each step of an install: cuts the power there when a test asked for it. */
    private void cut(InstallStep step) {
        if (step == cutAt) {
            cutAt = null;
            poweredOff = true;
            LOG.info("The gateway's power was cut at step {} of an install, as a test asked.", step);
            throw new PowerCutException("The gateway's power was cut at " + step + " of an install. Start the"
                    + " gateway again on its journal directory.");
        }
    }

    private void requirePower() {
        if (poweredOff) {
            throw new PowerCutException("The gateway's power was cut during an install; it answers nothing until"
                    + " it is started again on its journal directory.");
        }
    }

    /** Decodes a signed manifest and checks it against the trusted keys and what it is for runs now. */
    private SignedManifest checked(ByteString signedManifest) throws FirmwareRefusedException {
        SignedManifest signed = SignedManifest.decode(signedManifest.toByteArray());
        FirmwareManifest manifest = signed.manifest();
        FirmwareCheck.Installed installed = manifest.product() == FirmwareProduct.GATEWAY
                ? new FirmwareCheck.Installed(FirmwareProduct.GATEWAY, List.of(site.gatewayHardware()),
                        runningVersion(), slots.image(running).securityCounter())
                : meters();
        try {
            FirmwareCheck.checkManifest(signed, site.firmwareKeys().with(alsoTrusted), installed);
        } catch (FirmwareRefusedException e) {
            if (e.refusal() != FirmwareRefusal.UNKNOWN_KEY) {
                throw e;
            }
            // The shared check speaks for the console; here the gateway refuses, and only its owner can fix it.
            throw new FirmwareRefusedException(FirmwareRefusal.UNKNOWN_KEY, "The gateway refuses the image "
                    + manifest.version() + ": it is signed with the key " + signed.signer() + ", which the gateway"
                    + " does not trust for firmware. The gateway must be given its maker's public key file first;"
                    + " a simulated site takes it with sim --firmware-key FILE.");
        }
        return signed;
    }

    private FirmwareCheck.Installed meters() throws FirmwareRefusedException {
        List<FleetMeter> fleet = site.fleet();
        if (fleet.isEmpty()) {
            throw new FirmwareRefusedException(FirmwareRefusal.OTHER_HARDWARE, "The site has no meters for a meter"
                    + " image to run on.");
        }
        return FirmwareCheck.Installed.meters(fleet);
    }
}
