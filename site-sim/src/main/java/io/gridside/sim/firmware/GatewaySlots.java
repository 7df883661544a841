package io.gridside.sim.firmware;

import io.gridside.link.message.FirmwareState;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The simulated gateway's two firmware slots as its boot loader keeps them in {@code slots.cbor}, replaced whole
 * and atomically at every step of an install: which slot it boots, what each slot holds, an install under way,
 * and how the last one ended.
 *
 * <p>An install under way is either {@code writing} (the target slot holds nothing usable) or {@code trial} (the
 * target slot holds the image, which the boot loader boots once). A gateway that starts and finds one was cut off
 * by a power cut: it boots the slot it booted before, and records the install as reverted.
 */
final class GatewaySlots {

    /** What the simulated gateway runs out of the factory, in slot A, with no file behind it. */
    static final String FACTORY_VERSION = "gw-sim-2.4.1";
    static final long FACTORY_COUNTER = 7;
    static final String FILE = "slots.cbor";

    /** What a slot holds; the factory image has no SHA-256 on record. */
    record Image(String version, long securityCounter, boolean confirmed, ByteString imageSha256) {

        Image {
            Objects.requireNonNull(version, "version");
        }

        FirmwareState.Slot in(String slot) {
            return new FirmwareState.Slot(slot, version, securityCounter, confirmed);
        }
    }

    /** An install under way: into {@code slot}, in phase {@code writing} or {@code trial}. */
    record Install(String slot, String version, String phase, Instant at) {
    }

    private final Path file;
    private String booted = "A";
    private final Map<String, Image> slots = new LinkedHashMap<>();
    private Install install;
    private FirmwareState.Outcome last;

    private GatewaySlots(Path directory) {
        this.file = directory.resolve(FILE);
        slots.put("A", new Image(FACTORY_VERSION, FACTORY_COUNTER, true, null));
    }

    /**
     * The slots as the flash holds them, after the boot loader's start: an install that a power cut interrupted is
     * ended, reverted, and so recorded.
     */
    static GatewaySlots boot(Path directory, Instant now) {
        GatewaySlots slots = new GatewaySlots(directory);
        byte[] bytes = FlashFiles.readOrNull(slots.file);
        if (bytes != null) {
            slots.read((Map<?, ?>) DeterministicCbor.decode(bytes));
        }
        if (slots.install != null) {
            slots.endInterrupted(now);
        }
        return slots;
    }

    String booted() {
        return booted;
    }

    static String otherThan(String slot) {
        return "A".equals(slot) ? "B" : "A";
    }

    /** What slot {@code name} holds, or null when it holds nothing usable. */
    Image image(String name) {
        return slots.get(name);
    }

    FirmwareState.Outcome last() {
        return last;
    }

    Path slotFile(String name) {
        return file.resolveSibling("slot-" + name + ".bin");
    }

    /** Records an install into {@code slot} begun: the slot holds nothing usable until it is written and checked. */
    void writing(String slot, String version, Instant at) {
        slots.remove(slot);
        install = new Install(slot, version, "writing", at);
        FlashFiles.createDirectories(file.getParent());
        save();
    }

    /** Records the slot written and checked, and the boot loader's one trial boot of it. */
    void trial(String slot, Image image) {
        slots.put(slot, image);
        install = new Install(slot, image.version(), "trial", install.at());
        save();
    }

    /** Records the trial's image confirmed: the boot loader boots its slot from now on. */
    void confirmed(String slot, FirmwareState.Outcome outcome) {
        Image image = slots.get(slot);
        slots.put(slot, new Image(image.version(), image.securityCounter(), true, image.imageSha256()));
        booted = slot;
        install = null;
        last = outcome;
        save();
    }

    /** Records the install ended without a confirm: the boot loader boots the slot it booted before. */
    void reverted(FirmwareState.Outcome outcome) {
        install = null;
        last = outcome;
        save();
    }

    private void endInterrupted(Instant now) {
        String running = slots.get(booted).version();
        String reason = "writing".equals(install.phase())
                ? "power was cut while the image was written to slot " + install.slot() + "; the gateway runs "
                        + running + " still. Install it again."
                : "power was cut during the trial boot; the gateway booted " + running + " in slot " + booted
                        + " again. Install it again once the site's power is steady.";
        if ("writing".equals(install.phase())) {
            slots.remove(install.slot());
        }
        reverted(new FirmwareState.Outcome(install.version(), false, reason, now, List.of()));
    }

    private void save() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("booted", booted);
        Map<String, Object> images = new LinkedHashMap<>();
        slots.forEach((name, image) -> images.put(name, encode(image)));
        state.put("slots", images);
        if (install != null) {
            state.put("install", Map.of("slot", install.slot(), "version", install.version(), "phase",
                    install.phase(), "at", install.at().toString()));
        }
        if (last != null) {
            state.put("last", encode(last));
        }
        FlashFiles.replace(file, DeterministicCbor.encode(state));
    }

    private void read(Map<?, ?> state) {
        booted = (String) state.get("booted");
        slots.clear();
        ((Map<?, ?>) state.get("slots")).forEach((name, image) -> slots.put((String) name, image((Map<?, ?>) image)));
        if (state.get("install") instanceof Map<?, ?> under) {
            install = new Install((String) under.get("slot"), (String) under.get("version"),
                    (String) under.get("phase"), Instant.parse((String) under.get("at")));
        }
        if (state.get("last") instanceof Map<?, ?> outcome) {
            last = outcome(outcome);
        }
    }

    private static Map<String, Object> encode(Image image) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", image.version());
        map.put("securityCounter", image.securityCounter());
        map.put("confirmed", image.confirmed());
        map.put("imageSha256", image.imageSha256());
        return map;
    }

    private static Image image(Map<?, ?> map) {
        return new Image((String) map.get("version"), ((Number) map.get("securityCounter")).longValue(),
                (Boolean) map.get("confirmed"), (ByteString) map.get("imageSha256"));
    }

    private static Map<String, Object> encode(FirmwareState.Outcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", outcome.version());
        map.put("confirmed", outcome.confirmed());
        map.put("reason", outcome.reason());
        map.put("at", outcome.at().toString());
        List<Object> checks = new ArrayList<>();
        for (FirmwareState.HealthCheck check : outcome.checks()) {
            checks.add(Map.of("name", check.name(), "passed", check.passed(), "detail", check.detail()));
        }
        map.put("checks", checks);
        return map;
    }

    private static FirmwareState.Outcome outcome(Map<?, ?> map) {
        List<FirmwareState.HealthCheck> checks = new ArrayList<>();
        for (Object each : (List<?>) map.get("checks")) {
            Map<?, ?> check = (Map<?, ?>) each;
            checks.add(new FirmwareState.HealthCheck((String) check.get("name"), (Boolean) check.get("passed"),
                    (String) check.get("detail")));
        }
        return new FirmwareState.Outcome((String) map.get("version"), (Boolean) map.get("confirmed"),
                (String) map.get("reason"), Instant.parse((String) map.get("at")), checks);
    }
}
