package io.gridside.link.client;

import io.gridside.link.message.ChunkHeld;
import io.gridside.link.message.FirmwareChunk;
import io.gridside.link.message.FirmwareOffered;
import io.gridside.link.session.LinkOptions;
import io.gridside.link.transport.TransportKind;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareRefusal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.function.IntFunction;

/**
 * One upload of an offered image's missing chunks (protocol section 6.27). Chunks go out back to back, each its own
 * request, while the bytes not yet answered stay under a bound of twice what the link's window carries (four times
 * on TCP): enough that the line never waits for an answer, little enough that a cancel or a drop leaves few chunks
 * on the way. Answers come in the order the chunks went, so the oldest chunk's answer is always the next one
 * awaited.
 */
final class ChunkUpload {

    /** How many times a chunk the gateway refused as damaged is sent again before the upload fails. */
    static final int MAX_RESENDS = 3;

    /**
     * How many of the link's windows of chunk bytes may wait for their answers on TCP: 4 MiB. There the gateway's
     * forced writes to its flash, not the line, are what answers wait for, and with twice the window the line stood
     * idle during each of them.
     */
    private static final int TCP_WINDOWS_IN_FLIGHT = 4;

    private record InFlight(int index, int length, GatewayClient.Pending pending) {
    }

    private final GatewayClient client;
    private final FirmwareManifest manifest;
    private final IntFunction<ByteString> chunk;
    private final GatewayFirmware.UploadListener listener;
    private final CancelSignal cancel;
    private final long inFlightLimit;
    private final Deque<Integer> toSend = new ArrayDeque<>();
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    private final int[] refusals;
    private long bytesInFlight;
    private long bytesSent;
    private int sent;
    private int resent;
    private int held;
    private boolean complete;

    ChunkUpload(GatewayClient client, FirmwareManifest manifest, IntFunction<ByteString> chunk,
            GatewayFirmware.UploadListener listener, CancelSignal cancel) {
        this.client = client;
        this.manifest = manifest;
        this.chunk = chunk;
        this.listener = listener;
        this.cancel = cancel;
        this.refusals = new int[manifest.chunkCount()];
        LinkOptions options = LinkOptions.forTransport(client.transport().kind());
        int windows = client.transport().kind() == TransportKind.TCP ? TCP_WINDOWS_IN_FLIGHT : 2;
        this.inFlightLimit = (long) windows * options.window() * options.fragmentPayload();
    }

    // KNOWN SHORTCOMING: chunks go in ascending order from one thread that also reads them from the image; a
    // slow disk on the console's side slows the line. Reading ahead would need a buffer the size of the bound.
    GatewayFirmware.UploadResult run(FirmwareOffered offered) throws LinkException {
        checkOffer(offered);
        for (int index = 0; index < manifest.chunkCount(); index++) {
            if (!offered.holds(index)) {
                toSend.add(index);
            }
        }
        held = offered.heldCount();
        complete = toSend.isEmpty();
        listener.onChunk(held, manifest.chunkCount(), 0);
        try {
            while (!toSend.isEmpty() || !inFlight.isEmpty()) {
                fillPipeline();
                takeAnswer(inFlight.poll());
            }
        } finally {
            inFlight.forEach(waiting -> waiting.pending().forget());
        }
        if (!complete) {
            throw damaged("The gateway holds every chunk of " + manifest.version() + " but the whole image does not "
                    + "match its SHA-256: the manifest is inconsistent; rebuild the image.");
        }
        return new GatewayFirmware.UploadResult(manifest.imageSha256(), manifest.chunkCount(), offered.heldCount(),
                sent, resent);
    }

    private void checkOffer(FirmwareOffered offered) throws LinkException {
        if (!offered.imageSha256().equals(manifest.imageSha256()) || offered.chunkCount() != manifest.chunkCount()) {
            throw new LinkException(LinkException.Code.GATEWAY_ERROR, "The gateway answered the offer of "
                    + manifest.version() + " with the transfer of another image; offer it again.");
        }
    }

    /** Sends chunks until the bytes unanswered reach the bound; at least one is always on its way. */
    private void fillPipeline() throws LinkException {
        while (!toSend.isEmpty() && (inFlight.isEmpty()
                || bytesInFlight + manifest.chunkLength(toSend.peek()) <= inFlightLimit)) {
            if (cancel.isCancelled()) {
                throw new CancellationException("The upload of " + manifest.version() + " was cancelled; the "
                        + "gateway keeps the " + held + " chunks it holds, and an upload again sends the rest.");
            }
            int index = toSend.poll();
            ByteString data = chunk.apply(index);
            GatewayClient.Pending pending = client.submit(new FirmwareChunk(manifest.imageSha256(), index, data));
            inFlight.add(new InFlight(index, data.size(), pending));
            bytesInFlight += data.size();
            bytesSent += data.size();
            if (refusals[index] == 0) {
                sent++;
            } else {
                resent++;
            }
        }
    }

    private void takeAnswer(InFlight oldest) throws LinkException {
        bytesInFlight -= oldest.length();
        ChunkHeld answer;
        try {
            answer = GatewayClient.expect(oldest.pending().answer(), ChunkHeld.class);
        } catch (LinkException e) {
            if (!FirmwareRefusal.DAMAGED.code().equals(e.gatewayCode())) {
                throw e;
            }
            refused(oldest.index(), e);
            return;
        }
        if (answer.index() != oldest.index() || !answer.imageSha256().equals(manifest.imageSha256())) {
            throw new LinkException(LinkException.Code.GATEWAY_ERROR, "The gateway answered chunk "
                    + (oldest.index() + 1) + " of " + manifest.version() + " as chunk " + (answer.index() + 1)
                    + " of another transfer; upload again.");
        }
        held = answer.heldCount();
        complete |= answer.complete();
        listener.onChunk(held, manifest.chunkCount(), bytesSent);
    }

    /** Queues a refused chunk to be read and sent again first, or fails once it was refused too often. */
    private void refused(int index, LinkException refusal) throws LinkException {
        refusals[index]++;
        if (refusals[index] > MAX_RESENDS) {
            throw damaged("The gateway refused chunk " + (index + 1) + " of " + manifest.chunkCount() + " of "
                    + manifest.version() + " as damaged "
                    + refusals[index] + " times (" + refusal.getMessage() + "): check the image file and the "
                    + "cable, then push it again.");
        }
        toSend.addFirst(index);
    }

    private static LinkException damaged(String message) {
        return LinkException.fromGateway(LinkException.Code.GATEWAY_ERROR, message + " ("
                + FirmwareRefusal.DAMAGED.code() + ")", FirmwareRefusal.DAMAGED.code());
    }
}
