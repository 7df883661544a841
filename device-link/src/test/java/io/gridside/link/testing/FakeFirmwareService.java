package io.gridside.link.testing;

import io.gridside.link.message.CampaignReply;
import io.gridside.link.message.ChunkHeld;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.FirmwareChunk;
import io.gridside.link.message.FirmwareInstalled;
import io.gridside.link.message.FirmwareOffered;
import io.gridside.link.message.FirmwareState;
import io.gridside.link.message.StartCampaign;
import io.gridside.link.server.FirmwareService;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import io.gridside.site.firmware.FleetMeter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/**
 * A gateway's firmware in memory, for link tests: it takes images whose offered bytes are their manifest, unsigned
 * (see {@link FirmwareSamples}), checks every chunk against the manifest and the whole image once held, and keeps
 * what it holds across sessions, as a gateway keeps it on its flash. Tests make it refuse chunks or cut the link
 * after a chunk.
 */
public final class FakeFirmwareService implements FirmwareService {

    private final Map<ByteString, Transfer> transfers = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> refusalsLeft = new ConcurrentHashMap<>();
    private final List<Integer> taken = new CopyOnWriteArrayList<>();
    private final Map<String, CampaignState> campaigns = new ConcurrentHashMap<>();
    private volatile IntConsumer afterTake = count -> { };
    private volatile String installedBy;

    /** One image being received: its manifest and the chunks held. */
    private static final class Transfer {

        final FirmwareManifest manifest;
        final byte[][] chunks;

        Transfer(FirmwareManifest manifest) {
            this.manifest = manifest;
            this.chunks = new byte[manifest.chunkCount()][];
        }

        synchronized int heldCount() {
            int held = 0;
            for (byte[] chunk : chunks) {
                held += chunk == null ? 0 : 1;
            }
            return held;
        }

        synchronized ByteString bitmap() {
            byte[] bits = new byte[(chunks.length + 7) / 8];
            for (int i = 0; i < chunks.length; i++) {
                if (chunks[i] != null) {
                    bits[i / 8] |= (byte) (1 << (i % 8));
                }
            }
            return ByteString.of(bits);
        }

        synchronized boolean complete() {
            if (heldCount() < chunks.length) {
                return false;
            }
            ByteArrayOutputStream image = new ByteArrayOutputStream();
            for (byte[] chunk : chunks) {
                image.writeBytes(chunk);
            }
            return FirmwareSamples.sha256(image.toByteArray()).equals(manifest.imageSha256());
        }
    }

    /** Refuses chunk {@code index} as damaged the next {@code times} times it arrives. */
    public FakeFirmwareService refusingChunk(int index, int times) {
        refusalsLeft.put(index, times);
        return this;
    }

    /** Runs {@code action} with the count of chunks taken so far, after each chunk is taken and before its answer. */
    public FakeFirmwareService afterEachChunk(IntConsumer action) {
        this.afterTake = action;
        return this;
    }

    /** Gives the gateway chunks it holds already, as an earlier transfer left them. */
    public FakeFirmwareService holding(FirmwareSamples.Image image, int... indices) {
        Transfer transfer = transfers.computeIfAbsent(image.sha256(), sha -> new Transfer(image.manifest()));
        for (int index : indices) {
            transfer.chunks[index] = image.chunk(index);
        }
        return this;
    }

    /** The index of every chunk that arrived, refused ones included, in the order taken. */
    public List<Integer> chunksArrived() {
        return List.copyOf(taken);
    }

    /** The image's bytes as the gateway holds them, whole or with holes of zeros. */
    public byte[] held(ByteString imageSha256) {
        Transfer transfer = transfers.get(imageSha256);
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        synchronized (transfer) {
            for (int i = 0; i < transfer.chunks.length; i++) {
                byte[] chunk = transfer.chunks[i];
                image.writeBytes(chunk != null ? chunk : new byte[transfer.manifest.chunkLength(i)]);
            }
        }
        return image.toByteArray();
    }

    /** The technician the last install was asked by, or null before one. */
    public String installedBy() {
        return installedBy;
    }

    @Override
    public FirmwareState state() {
        List<FirmwareState.Staged> staged = new ArrayList<>();
        transfers.values().forEach(transfer -> staged.add(new FirmwareState.Staged(transfer.manifest.product(),
                transfer.manifest.version(), transfer.manifest.imageSha256(), transfer.manifest.chunkCount(),
                transfer.heldCount())));
        FirmwareState sample = FirmwareSamples.firmwareState();
        return new FirmwareState(sample.hardwareId(), sample.running(), sample.other(), sample.lastUpdate(), staged,
                null);
    }

    @Override
    public FirmwareOffered offer(ByteString signedManifest) throws FirmwareRefusedException {
        FirmwareManifest manifest;
        try {
            manifest = FirmwareManifest.decode(signedManifest.toByteArray());
        } catch (IllegalArgumentException e) {
            throw new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "The manifest does not read: "
                    + e.getMessage() + ". Get the image again.");
        }
        if (manifest.securityCounter() < 5) {
            throw new FirmwareRefusedException(FirmwareRefusal.DOWNGRADE, "The image's security counter "
                    + manifest.securityCounter() + " is below the 5 the meters run; get a newer image.");
        }
        Transfer transfer = transfers.computeIfAbsent(manifest.imageSha256(), sha -> new Transfer(manifest));
        return new FirmwareOffered(manifest.imageSha256(), manifest.chunkCount(), transfer.bitmap(),
                transfer.heldCount());
    }

    @Override
    public ChunkHeld take(FirmwareChunk chunk) throws FirmwareRefusedException {
        Transfer transfer = transfers.get(chunk.imageSha256());
        if (transfer == null || chunk.index() >= transfer.chunks.length) {
            throw new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "No image offered has chunk "
                    + chunk.index() + "; offer the image again.");
        }
        taken.add(chunk.index());
        byte[] data = chunk.data().toByteArray();
        boolean matches = FirmwareSamples.sha256(data).equals(transfer.manifest.chunkSha256().get(chunk.index()));
        if (refusalsLeft.merge(chunk.index(), -1, Integer::sum) >= 0 || !matches) {
            throw new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "Chunk " + chunk.index()
                    + " does not match its SHA-256; send it again.");
        }
        synchronized (transfer) {
            transfer.chunks[chunk.index()] = data;
        }
        afterTake.accept(taken.size());
        return new ChunkHeld(chunk.imageSha256(), chunk.index(), transfer.heldCount(), transfer.complete());
    }

    @Override
    public FirmwareInstalled install(ByteString imageSha256, String by) throws FirmwareRefusedException {
        Transfer transfer = transfers.get(imageSha256);
        if (transfer == null || !transfer.complete()) {
            throw new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "The gateway does not hold this image "
                    + "whole; push it again.");
        }
        installedBy = by;
        FirmwareState.Outcome confirmed = new FirmwareState.Outcome(transfer.manifest.version(), true, "",
                SampleMessages.CLOCK, List.of(new FirmwareState.HealthCheck("mesh-radio", true, "up")));
        return new FirmwareInstalled(confirmed, new FirmwareState.Slot("B", transfer.manifest.version(),
                transfer.manifest.securityCounter(), true));
    }

    @Override
    public List<FleetMeter> fleet() {
        return FirmwareSamples.fleet();
    }

    @Override
    public CampaignReply start(StartCampaign request, String by) throws FirmwareRefusedException {
        CampaignState sample = FirmwareSamples.campaignState();
        CampaignState started = new CampaignState(request.campaignId(), request.imageSha256(), sample.version(),
                request.policy(), CampaignStatus.RUNNING, "", SampleMessages.CLOCK, SampleMessages.CLOCK,
                sample.waves(), sample.meters());
        return new CampaignReply(campaigns.computeIfAbsent(request.campaignId(), id -> started));
    }

    @Override
    public CampaignReply control(ControlCampaign request, String by) {
        CampaignState state = known(request.campaignId());
        if (state.status() == CampaignStatus.ABORTED) {
            throw new IllegalStateException("Campaign " + request.campaignId() + " was aborted; start a new one.");
        }
        CampaignStatus status = switch (request.action()) {
            case PAUSE -> CampaignStatus.PAUSED;
            case RESUME -> CampaignStatus.RUNNING;
            case ABORT -> CampaignStatus.ABORTED;
        };
        CampaignState changed = new CampaignState(state.campaignId(), state.imageSha256(), state.version(),
                state.policy(), status, state.reason(), state.started(), SampleMessages.CLOCK, state.waves(),
                state.meters());
        campaigns.put(changed.campaignId(), changed);
        return new CampaignReply(changed);
    }

    @Override
    public CampaignReply campaign(String campaignId) {
        if (campaignId == null) {
            return new CampaignReply(campaigns.values().stream().findFirst().orElseThrow(() ->
                    new IllegalArgumentException("This gateway never ran a campaign.")));
        }
        return new CampaignReply(known(campaignId));
    }

    private CampaignState known(String campaignId) {
        CampaignState state = campaigns.get(campaignId);
        if (state == null) {
            throw new IllegalArgumentException("This gateway knows no campaign " + campaignId + ".");
        }
        return state;
    }

    /** Every campaign started, by id; for tests that look inside. */
    public Map<String, CampaignState> campaigns() {
        return new HashMap<>(campaigns);
    }
}
