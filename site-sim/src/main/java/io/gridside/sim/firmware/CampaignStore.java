package io.gridside.sim.firmware;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulated gateway keeps of its meter campaigns on its flash, in one JSON file beside its journal
 * ({@value #FILE} in the firmware directory): every campaign as it stands, the quarter hour it last moved them
 * on, what each updated meter runs since, and the faults planted in meters. It is written whole to a temporary
 * file and moved over the old one, so a gateway that stops at any moment finds the last whole state.
 */
final class CampaignStore {

    static final String FILE = "campaigns.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path file;

    CampaignStore(Path directory) {
        this.file = directory.resolve(FILE);
    }

    /** What the store holds; empty when the gateway never ran a campaign. */
    static final class Kept {
        /** The end of the last quarter hour that moved the campaigns on, in epoch seconds; 0 before any. */
        long lastTickSecond;
        List<CampaignRun> campaigns = new ArrayList<>();
        /** Each meter a campaign updated, by id: the version it runs and that image's security counter. */
        Map<String, Running> updated = new LinkedHashMap<>();
        Map<String, MeterFault> faults = new LinkedHashMap<>();
    }

    /** A version a meter runs, and its image's security counter. */
    static final class Running {
        String version;
        long securityCounter;

        static Running of(String version, long securityCounter) {
            Running running = new Running();
            running.version = version;
            running.securityCounter = securityCounter;
            return running;
        }
    }

    /**
     * What the store holds.
     *
     * @throws UncheckedIOException when the file is there and cannot be read
     */
    Kept load() {
        if (!Files.exists(file)) {
            return new Kept();
        }
        try {
            return JSON.readValue(file.toFile(), Kept.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The simulated gateway cannot read its campaigns in " + file
                    + "; move the file aside to start without them.", e);
        }
    }

    /**
     * Writes {@code kept} whole in place of what the store held.
     *
     * @throws UncheckedIOException when the gateway's flash cannot be written
     */
    void save(Kept kept) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE + ".new");
            JSON.writeValue(temporary.toFile(), kept);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The simulated gateway cannot write its campaigns to " + file + ".", e);
        }
    }
}
