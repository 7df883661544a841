package io.gridside.sim.firmware;

import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.message.ChunkHeld;
import io.gridside.link.message.FirmwareChunk;
import io.gridside.link.message.FirmwareOffered;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusedException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A gateway's firmware alone, in a JVM of its own, for {@link StagingKillTest} to kill: it offers {@link #IMAGE} to a
 * gateway on the flash directory it is given, then sends the chunks it lacks in an order drawn from the seed it is
 * given, in groups of the size it is given (each group kept, then forced once), and prints {@code held INDEX} as
 * soon as the gateway acknowledged each one, then {@code done}.
 */
public final class StagingProcess {

    /** 256 chunks of 512 bytes, the last one short: many acknowledgements for a kill to fall between. */
    static final FirmwareImage IMAGE = FirmwareImage.build(FirmwareProduct.GATEWAY, List.of("gw-sim-r1"),
            "gw-sim-2.5.0", 8, 512, "An image to kill a transfer of.", Instant.parse("2026-11-02T09:00:00Z"),
            SampleFirmware.bytes(0x5EED, 256 * 512 - 7), SampleFirmware.key());

    private StagingProcess() {
    }

    public static void main(String[] args) throws FirmwareRefusedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        GatewayUpdate update = new GatewayUpdate(new FakeFirmwareSite(Path.of(args[0])));
        FirmwareOffered offered = update.offer(IMAGE.signedManifestBytes());
        List<Integer> wanted = new ArrayList<>();
        for (int index = 0; index < offered.chunkCount(); index++) {
            if (!offered.holds(index)) {
                wanted.add(index);
            }
        }
        Collections.shuffle(wanted, new Random(Long.parseLong(args[1])));
        ByteString sha = IMAGE.manifest().imageSha256();
        int group = Integer.parseInt(args[2]);
        for (int from = 0; from < wanted.size(); from += group) {
            List<ChunkHeld> taken = new ArrayList<>();
            for (int index : wanted.subList(from, Math.min(wanted.size(), from + group))) {
                taken.add(update.takeBeforeFlush(new FirmwareChunk(sha, index, ByteString.of(IMAGE.chunk(index)))));
            }
            update.flushTaken();
            taken.forEach(held -> out.println("held " + held.index()));
        }
        out.println("done");
    }
}
