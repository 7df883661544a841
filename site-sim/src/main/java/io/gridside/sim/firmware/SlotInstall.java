package io.gridside.sim.firmware;

import io.gridside.link.message.FirmwareState;
import io.gridside.link.message.FirmwareState.HealthCheck;
import io.gridside.site.firmware.FirmwareManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One install of a gateway image, step by step, each step recorded in the slots before the next begins: the
 * inactive slot written and checked, the trial boot marked, the reboot into it, the health checks, and the confirm
 * or the revert. A power cut between any two steps leaves the slots saying what the boot loader must do.
 *
 * <p>KNOWN SHORTCOMING: the reboot is only the version the gateway runs changing. It takes no time on the simulated
 * clock, billing and the mesh go on through it, and the health checks look at the quarter hour before the install
 * rather than one after the reboot; a real gateway would miss the readings of its reboot and wait for its meters.
 */
final class SlotInstall {

    private static final int COPY_CHUNK = 64 * 1024;

    private final FirmwareSite site;
    private final GatewaySlots slots;
    private final HealthChecks checks;
    /** Called at each step at which a test may cut the power; it throws when it does. */
    private final Consumer<InstallStep> step;

    SlotInstall(FirmwareSite site, GatewaySlots slots, HealthChecks checks, Consumer<InstallStep> step) {
        this.site = site;
        this.slots = slots;
        this.checks = checks;
        this.step = step;
    }

    /** Installs {@code image} from the gateway running slot {@code running}; the slots record how it ended. */
    FirmwareState.Outcome run(StagedImage image, String running) {
        FirmwareManifest manifest = image.manifest();
        String target = GatewaySlots.otherThan(running);
        slots.writing(target, manifest.version(), site.clock());
        write(image, slots.slotFile(target));
        if (!Arrays.equals(FlashFiles.sha256(slots.slotFile(target), manifest.imageSize()),
                manifest.imageSha256().toByteArray())) {
            return revert(manifest, "the image did not read back whole from slot " + target + "; the flash may be"
                    + " failing. Install it again, and call support if this repeats.", List.of());
        }
        slots.trial(target, new GatewaySlots.Image(manifest.version(), manifest.securityCounter(), false,
                manifest.imageSha256()));
        step.accept(InstallStep.TRIAL_MARKED);

        List<HealthCheck> done = trialBoot();
        HealthCheck failed = done.stream().filter(check -> !check.passed()).findFirst().orElse(null);
        if (failed != null) {
            return revert(manifest, failed.name() + " failed: " + failed.detail(), done);
        }
        FirmwareState.Outcome outcome = new FirmwareState.Outcome(manifest.version(), true, "", site.clock(), done);
        slots.confirmed(target, outcome);
        step.accept(InstallStep.CONFIRMED);
        return outcome;
    }

    /** Copies the staged image to the slot's file and forces it; a test may cut the power half way. */
    private void write(StagedImage image, Path slot) {
        FlashFiles.delete(slot);
        long size = image.manifest().imageSize();
        long half = size / 2;
        try (FileChannel file = FileChannel.open(slot, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long offset = 0; offset < size; offset += COPY_CHUNK) {
                int length = (int) Math.min(COPY_CHUNK, size - offset);
                ByteBuffer bytes = ByteBuffer.wrap(FlashFiles.readAt(image.imageFile(), offset, length));
                while (bytes.hasRemaining()) {
                    file.write(bytes, offset + bytes.position());
                }
                if (offset <= half && half < offset + length) {
                    step.accept(InstallStep.WRITING_SLOT);
                }
            }
            file.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not write its slot " + slot + ".", e);
        }
    }

    /** The new image's checks on its trial boot, in order; a test may cut the power between them. */
    private List<HealthCheck> trialBoot() {
        List<HealthCheck> done = new ArrayList<>();
        for (String name : HealthChecks.ALL) {
            done.add(checks.run(name));
            if (done.size() == 1) {
                step.accept(InstallStep.HEALTH_CHECKS);
            }
        }
        return done;
    }

    private FirmwareState.Outcome revert(FirmwareManifest manifest, String reason, List<HealthCheck> done) {
        FirmwareState.Outcome outcome = new FirmwareState.Outcome(manifest.version(), false, reason, site.clock(),
                done);
        slots.reverted(outcome);
        return outcome;
    }
}
