package io.gridside.link.server;

import io.gridside.link.firmware.FirmwareCheck;
import io.gridside.link.message.CampaignReply;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.FirmwareChunk;
import io.gridside.link.message.FirmwareInstalled;
import io.gridside.link.message.FirmwareOffered;
import io.gridside.link.message.GetCampaign;
import io.gridside.link.message.GetFirmware;
import io.gridside.link.message.InstallFirmware;
import io.gridside.link.message.Message;
import io.gridside.link.message.OfferFirmware;
import io.gridside.link.message.StartCampaign;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareRefusedException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's part in firmware (protocol section 6.27): it hands each firmware request to the gateway's
 * {@link FirmwareService} and turns what the service throws into the error codes the protocol names. Offers and
 * chunks go through lanes of their own, in the order they came, so that chunks are answered back to back as they
 * arrive, never behind a slow request on the session's worker, and an offer is answered before the chunks it opens:
 * the link's dispatcher has each chunk's data hashed by one of two hashing threads, the transfer lane takes offers and
 * chunks in the order they came, each chunk once its hash is ready, and has the service check and keep it, and a
 * flush lane sends its answer once the chunk is on the flash, so that chunks arriving together share one forced
 * write. Each lane works on its own chunk at once: two chunks are hashed together, on both cores, while the one
 * before them is kept. An install, which lasts a trial boot, has its own lane too. The session checks the credential
 * and role before a request reaches the desk.
 */
final class FirmwareDesk implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FirmwareDesk.class);
    /** The code for a firmware request to a gateway that takes no firmware over the link. */
    static final String UNSUPPORTED = "UNSUPPORTED";
    static final String CAMPAIGN_UNKNOWN = "CAMPAIGN_UNKNOWN";
    static final String CAMPAIGN_CONFLICT = "CAMPAIGN_CONFLICT";

    /** How many threads hash chunks at once: the hashing is an upload's longest stage, and there are two cores. */
    private static final int HASHERS = 2;

    private final GatewayService service;
    private final ExecutorService hashers;
    private final ExecutorService transfers;
    private final ExecutorService flushes;
    private final ExecutorService installs;
    /** Answers to chunks taken and not yet on the flash, in the order the chunks came. Guards itself. */
    private final List<Unflushed> unflushed = new ArrayList<>();
    /** A flush of {@link #unflushed} waits on the flush lane. Guarded by {@link #unflushed}. */
    private boolean flushQueued;

    /** A chunk's answer that waits for the flush, and where it goes. */
    private record Unflushed(Message answer, Consumer<Message> replier) {
    }

    FirmwareDesk(GatewayService service, String address) {
        this.service = service;
        AtomicInteger hasher = new AtomicInteger();
        this.hashers = Executors.newFixedThreadPool(HASHERS, runnable -> {
            Thread thread = new Thread(runnable, "gateway-firmware-hash-" + hasher.incrementAndGet() + "-" + address);
            thread.setDaemon(true);
            return thread;
        });
        this.transfers = lane("gateway-firmware-transfer-" + address);
        this.flushes = lane("gateway-firmware-flush-" + address);
        this.installs = lane("gateway-firmware-install-" + address);
    }

    private static ExecutorService lane(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether the desk answers {@code message}; the fleet, a stream, the session sends itself. */
    static boolean handles(Message message) {
        return message instanceof GetFirmware || message instanceof OfferFirmware || message instanceof FirmwareChunk
                || message instanceof InstallFirmware || message instanceof StartCampaign
                || message instanceof ControlCampaign || message instanceof GetCampaign;
    }

    /**
     * The thread {@code message} is answered on: offers and chunks on the link's dispatcher, which only checks the
     * session and hands them on, in their order, to the hashing threads and the transfer lane (a lane of its own
     * would cost each chunk one more hand-over between threads); installs on their own lane, the rest on the worker.
     */
    Executor laneFor(Message message, ExecutorService worker) {
        if (message instanceof FirmwareChunk || message instanceof OfferFirmware) {
            return Runnable::run;
        }
        return message instanceof InstallFirmware ? installs : worker;
    }

    /**
     * Answers a firmware request through {@code replier}. An offer or a chunk, which arrives on the dispatcher, is
     * answered from the transfer lane, in the order they came, a chunk once a hashing thread has hashed its data; its
     * answer waits until the chunk is on the flash: the flush lane forces the chunks taken so far with one write and
     * then answers them in their order, while the other lanes go on with the next ones.
     */
    void answer(Message request, String by, Consumer<Message> replier) {
        FirmwareService firmware = firmware();
        if (firmware == null || !(request instanceof FirmwareChunk || request instanceof OfferFirmware)) {
            replier.accept(answer(request, by));
            return;
        }
        try {
            Future<ByteString> dataSha256 = request instanceof FirmwareChunk chunk
                    ? CompletableFuture.supplyAsync(() -> FirmwareCheck.sha256(chunk.data()), hashers)
                    : CompletableFuture.completedFuture(null);
            transfers.execute(() -> transfer(firmware, request, dataSha256, by, replier));
        } catch (RejectedExecutionException e) {
            LOG.debug("The session closed with a {} unanswered.", request.getClass().getSimpleName());
        }
    }

    /**
     * On the transfer lane: answers an offer, or has a chunk kept, once its hash is ready, and its answer wait for the
     * flush. A session closing meanwhile interrupts the wait, and the chunk goes unanswered.
     */
    private void transfer(FirmwareService firmware, Message request, Future<ByteString> dataSha256, String by,
            Consumer<Message> replier) {
        try {
            if (request instanceof FirmwareChunk chunk) {
                keep(firmware, chunk, dataSha256.get(), by, replier);
            } else {
                replier.accept(answer(request, by));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.debug("The session closed with a {} unanswered.", request.getClass().getSimpleName());
        } catch (ExecutionException e) {
            LOG.error("The gateway failed to hash a {}.", request.getClass().getSimpleName(), e.getCause());
            replier.accept(new ErrorReply("GATEWAY_FAULT", "The gateway could not answer: "
                    + e.getCause().getMessage()));
        } catch (RuntimeException e) {
            LOG.error("The gateway failed to answer a {}.", request.getClass().getSimpleName(), e);
            replier.accept(new ErrorReply("GATEWAY_FAULT", "The gateway could not answer: " + e.getMessage()));
        }
    }

    private void keep(FirmwareService firmware, FirmwareChunk chunk, ByteString dataSha256, String by,
            Consumer<Message> replier) {
        Message answer = answerChunk(firmware, chunk, dataSha256, by);
        synchronized (unflushed) {
            unflushed.add(new Unflushed(answer, replier));
            if (flushQueued) {
                return;
            }
            flushQueued = true;
        }
        try {
            flushes.execute(() -> flushUnflushed(firmware));
        } catch (RejectedExecutionException e) {
            LOG.debug("The session closed with chunks unanswered.");
        }
    }

    private Message answerChunk(FirmwareService firmware, FirmwareChunk chunk, ByteString dataSha256, String by) {
        try {
            return firmware.takeBeforeFlush(chunk, dataSha256);
        } catch (FirmwareRefusedException e) {
            LOG.info("Refused a FirmwareChunk of technician {}: {} {}", by, e.refusal().code(), e.getMessage());
            return new ErrorReply(e.refusal().code(), e.getMessage());
        }
    }

    /**
     * Forces the chunks taken to the flash, then sends their answers; chunks taken meanwhile wait for the next
     * flush. When the flash fails, no chunk of the group is acknowledged: each is answered with the fault, and the
     * console sends it again.
     */
    private void flushUnflushed(FirmwareService firmware) {
        List<Unflushed> answers;
        synchronized (unflushed) {
            answers = List.copyOf(unflushed);
            unflushed.clear();
            flushQueued = false;
        }
        try {
            firmware.flushTaken();
        } catch (RuntimeException e) {
            LOG.error("The gateway could not put {} chunks on its flash.", answers.size(), e);
            ErrorReply fault = new ErrorReply("GATEWAY_FAULT", "The gateway could not keep the chunk: "
                    + e.getMessage());
            answers.forEach(waiting -> waiting.replier().accept(fault));
            return;
        }
        answers.forEach(waiting -> waiting.replier().accept(waiting.answer()));
    }

    /** The gateway's firmware, or null when it takes none over the link. */
    private FirmwareService firmware() {
        try {
            return service.firmware();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    static ErrorReply unsupported() {
        return new ErrorReply(UNSUPPORTED, "This gateway takes no firmware over the link; update it on its service "
                + "port, or ask support which firmware it needs.");
    }

    /**
     * The answer to a firmware request from technician {@code by}: the service's, or an error reply that names the
     * refusal, the unknown campaign or the conflict.
     */
    Message answer(Message request, String by) {
        FirmwareService firmware = firmware();
        if (firmware == null) {
            return unsupported();
        }
        try {
            return answerOf(firmware, request, by);
        } catch (UnsupportedOperationException e) {
            LOG.info("The gateway cannot answer a {}: {}", request.getClass().getSimpleName(), e.getMessage());
            return new ErrorReply(UNSUPPORTED, "This gateway does not do that over the link (" + e.getMessage()
                    + "); update its firmware on its service port, or ask support.");
        } catch (FirmwareRefusedException e) {
            LOG.info("Refused a {} of technician {}: {} {}", request.getClass().getSimpleName(), by,
                    e.refusal().code(), e.getMessage());
            return new ErrorReply(e.refusal().code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            if (!isCampaign(request)) {
                throw e;
            }
            return new ErrorReply(CAMPAIGN_UNKNOWN, e.getMessage());
        } catch (IllegalStateException e) {
            if (!isCampaign(request)) {
                throw e;
            }
            LOG.info("Refused a {} of technician {}: {}", request.getClass().getSimpleName(), by, e.getMessage());
            return new ErrorReply(CAMPAIGN_CONFLICT, e.getMessage());
        }
    }

    private static boolean isCampaign(Message request) {
        return request instanceof StartCampaign || request instanceof ControlCampaign
                || request instanceof GetCampaign;
    }

    private Message answerOf(FirmwareService firmware, Message request, String by) throws FirmwareRefusedException {
        if (request instanceof FirmwareChunk chunk) {
            return firmware.take(chunk);
        } else if (request instanceof OfferFirmware offer) {
            FirmwareOffered offered = firmware.offer(offer.signedManifest());
            LOG.info("Technician {} offered image {}: the gateway holds {} of its {} chunks.", by,
                    shortHash(offered.imageSha256()), offered.heldCount(), offered.chunkCount());
            return offered;
        } else if (request instanceof InstallFirmware install) {
            return install(firmware, install, by);
        } else if (request instanceof StartCampaign start) {
            CampaignReply reply = firmware.start(start, by);
            LOG.info("Supervisor {} started meter campaign {} of {}: {}.", by, start.campaignId(),
                    reply.campaign().version(), reply.campaign().status());
            return reply;
        } else if (request instanceof ControlCampaign control) {
            CampaignReply reply = firmware.control(control, by);
            LOG.info("Technician {} asked meter campaign {} to {}: {}.", by, control.campaignId(), control.action(),
                    reply.campaign().status());
            return reply;
        } else if (request instanceof GetCampaign get) {
            return firmware.campaign(get.campaignId());
        }
        return firmware.state();
    }

    private static FirmwareInstalled install(FirmwareService firmware, InstallFirmware install, String by)
            throws FirmwareRefusedException {
        LOG.info("Supervisor {} asked the gateway to install image {}.", by, shortHash(install.imageSha256()));
        FirmwareInstalled installed = firmware.install(install.imageSha256(), by);
        LOG.info("The install of {} ended {}{}; the gateway runs slot {}.", installed.outcome().version(),
                installed.outcome().confirmed() ? "confirmed" : "reverted",
                installed.outcome().confirmed() ? "" : ": " + installed.outcome().reason(),
                installed.running().name());
        return installed;
    }

    /** The first bytes of an image's SHA-256, enough to tell images apart in the log. */
    private static String shortHash(ByteString sha256) {
        return HexFormat.of().formatHex(sha256.toByteArray(), 0, Math.min(8, sha256.size()));
    }

    @Override
    public void close() {
        transfers.shutdownNow();
        hashers.shutdownNow();
        flushes.shutdownNow();
        installs.shutdownNow();
    }
}
