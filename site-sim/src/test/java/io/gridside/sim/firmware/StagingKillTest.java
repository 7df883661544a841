package io.gridside.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.message.FirmwareOffered;
import io.gridside.site.firmware.FirmwareRefusedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a gateway taking a firmware image ({@link StagingProcess}, in a JVM of its own) at random instants, starts
 * it again on the same flash each time, and checks that it then holds every chunk it acknowledged and at most the
 * one chunk it was taking when it died, until the image is whole.
 */
class StagingKillTest {

    /** Long enough for a loaded machine to start a JVM and take the whole image; a process past it is stopped. */
    private static final long PROCESS_LIMIT_SECONDS = 60;
    private static final int KILLS = 5;

    @TempDir
    Path directory;

    /** Chunks one at a time, each forced before its acknowledgement; or eight kept, one force, eight acknowledged. */
    @ParameterizedTest(name = "chunks forced in groups of {0}")
    @ValueSource(ints = {1, 8})
    void aGatewayKilledAtRandomInstantsHoldsExactlyTheChunksItAcknowledged(int group) throws Exception {
        Random random = new Random(20_261_205L);
        Set<Integer> acknowledged = new TreeSet<>();
        int chunks = StagingProcess.IMAGE.manifest().chunkCount();
        for (int kill = 0; kill <= KILLS; kill++) {
            // Killed after 1 to half of what is left, so a kill always lands before the image is whole, however
            // many chunks the runs before took; the last run, or one with nothing left, goes to its end.
            int left = chunks - acknowledged.size();
            boolean killed = kill < KILLS && left > 1;
            int before = killed ? 1 + random.nextInt(Math.max(1, left / (KILLS + 1 - kill))) : Integer.MAX_VALUE;
            boolean done = run(random.nextLong(), group, before, random.nextInt(3), acknowledged);

            Set<Integer> held = held();
            assertThat(held).as("after kill %d, every acknowledged chunk", kill).containsAll(acknowledged);
            Set<Integer> unacknowledged = new HashSet<>(held);
            unacknowledged.removeAll(acknowledged);
            assertThat(unacknowledged).as("after kill %d, chunks held but never acknowledged", kill)
                    .hasSizeLessThanOrEqualTo(group);
            acknowledged.addAll(unacknowledged);
            // A run killed a moment after its last chunk may have finished first: only an unkilled one must.
            assertThat(done || killed).as("the run that was not killed finished").isTrue();
            if (done) {
                break;
            }
        }

        assertThat(acknowledged).hasSize(chunks);
        assertThat(new GatewayUpdate(new FakeFirmwareSite(directory))
                .heldWhole(StagingProcess.IMAGE.manifest().imageSha256())).isEqualTo(StagingProcess.IMAGE.manifest());
    }

    /**
     * Runs the process until it has acknowledged {@code chunks} more chunks, then kills it {@code delayMs} later, or
     * to its end; adds every acknowledgement it printed, read to the end of its output.
     *
     * @return whether it printed {@code done}
     */
    private boolean run(long seed, int group, int chunks, int delayMs, Set<Integer> acknowledged)
            throws IOException, InterruptedException {
        Process process = start(seed, group);
        CompletableFuture.delayedExecutor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS).execute(process::destroyForcibly);
        boolean done = false;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            int seen = 0;
            String line;
            while ((line = out.readLine()) != null) {
                done |= line.equals("done");
                if (line.startsWith("held ")) {
                    acknowledged.add(Integer.parseInt(line.substring(5)));
                    if (++seen == chunks) {
                        Thread.sleep(delayMs);
                        // Through its handle, so its output stays open to read what it printed before it died.
                        process.toHandle().destroyForcibly();
                    }
                }
            }
        }
        assertThat(process.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)).as("the process ended").isTrue();
        return done;
    }

    private Set<Integer> held() {
        FirmwareOffered offered;
        try {
            offered = new GatewayUpdate(new FakeFirmwareSite(directory))
                    .offer(StagingProcess.IMAGE.signedManifestBytes());
        } catch (FirmwareRefusedException e) {
            throw new AssertionError(e);
        }
        return IntStream.range(0, offered.chunkCount()).filter(offered::holds).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Process start(long seed, int group) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx128m",
                StagingProcess.class.getName(), directory.toString(), Long.toString(seed), Integer.toString(group))
                .redirectError(directory.resolve("process-" + System.nanoTime() + ".err").toFile())
                .start();
    }
}
