package io.gridside.link.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.FirmwareInstalled;
import io.gridside.link.message.FirmwareOffered;
import io.gridside.link.server.GatewayLinks;
import io.gridside.link.testing.FakeFirmwareService;
import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.testing.FirmwareSamples;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.TestCredentials;
import io.gridside.link.transport.TcpTransport;
import io.gridside.link.transport.TransportKind;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FleetMeter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Firmware over a real session on TCP loopback (protocol section 6.27): an image's chunks go up pipelined, an
 * upload resumes from what the gateway holds, a dropped link or a cancel loses nothing the gateway took, refused
 * chunks are sent again, and roles and refusals reach the console with the gateway's codes.
 */
@Timeout(30)
class GatewayFirmwareTest {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    /**
     * 128 chunks of 64 KiB, the last one shorter: 8 MiB, four times what an upload keeps unanswered on TCP (twice
     * the link's window of 64 frames of 16 KiB), so that a cut or a cancel lands part-way.
     */
    private static final int CHUNKS = 128;
    private static final FirmwareSamples.Image IMAGE = FirmwareSamples.meterImage(CHUNKS * 65_536 - 100, 65_536);

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final FakeFirmwareService firmware = new FakeFirmwareService();
    private final FakeGatewayService service = new FakeGatewayService().withFirmware(firmware);

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    /** A gateway's TCP listener on 127.0.0.1 that hands every connection to its links, as a gateway does. */
    private final class Listener implements AutoCloseable {

        final GatewayLinks links;
        final ServerSocket server;

        Listener(FakeGatewayService gateway) throws IOException {
            links = new GatewayLinks(gateway, Duration.ofMinutes(1));
            server = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"));
            Thread thread = new Thread(this::acceptLoop, "firmware-test-listener");
            thread.setDaemon(true);
            thread.start();
            open.add(this);
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    links.serve(TcpTransport.accepted(socket), () -> { });
                } catch (IOException e) {
                    return;
                }
            }
        }

        GatewayClient open(Authentication auth) throws IOException {
            GatewayClient client = GatewayClient.open(TcpTransport.connect("127.0.0.1", server.getLocalPort(), 2_000),
                    auth, ANSWER_TIMEOUT);
            GatewayFirmwareTest.this.open.add(client);
            return client;
        }

        GatewayClient supervisor() throws IOException {
            return open(Authentication.of(TestCredentials.supervisor(), GatewayPins.inMemory()));
        }

        GatewayClient technician() throws IOException {
            GatewayPins pinned = GatewayPins.inMemory();
            pinned.save(new GatewayPin(SampleMessages.SITE_ID, SampleMessages.GATEWAY_ID,
                    SampleMessages.GATEWAY_KEY.publicKey(), SampleMessages.CLOCK, "S-1"));
            return open(Authentication.of(TestCredentials.technician(), pinned));
        }

        @Override
        public void close() throws IOException {
            server.close();
            links.close();
        }
    }

    private static GatewayFirmware.UploadResult upload(GatewayClient client, FirmwareSamples.Image image,
            GatewayFirmware.UploadListener listener, CancelSignal cancel) throws LinkException {
        return client.firmware().upload(image.offered(), image.manifest(),
                index -> ByteString.adopt(image.chunk(index)), listener, cancel);
    }

    @Test
    void uploadsEveryChunkOnceAndTheGatewayHoldsTheImageWhole() throws Exception {
        GatewayClient client = new Listener(service).supervisor();
        List<Integer> heldSeen = new CopyOnWriteArrayList<>();
        long[] lastBytes = {0};

        GatewayFirmware.UploadResult result = upload(client, IMAGE, (held, count, bytes) -> {
            heldSeen.add(held);
            lastBytes[0] = bytes;
        }, CancelSignal.NEVER);

        int count = IMAGE.manifest().chunkCount();
        assertThat(result).isEqualTo(new GatewayFirmware.UploadResult(IMAGE.sha256(), count, 0, count, 0));
        assertThat(firmware.held(IMAGE.sha256())).isEqualTo(IMAGE.bytes());
        assertThat(firmware.chunksArrived()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, count).boxed().toList());
        assertThat(heldSeen).startsWith(0).endsWith(count).isSorted();
        assertThat(lastBytes[0]).isEqualTo(IMAGE.bytes().length);
    }

    @Test
    void sendsOnlyTheChunksTheOfferSaysTheGatewayLacks() throws Exception {
        firmware.holding(IMAGE, 0, 1, 7, CHUNKS - 1);
        GatewayClient client = new Listener(service).supervisor();

        FirmwareOffered offered = client.firmware().offer(IMAGE.offered());
        GatewayFirmware.UploadResult result = upload(client, IMAGE, GatewayFirmware.UploadListener.NONE,
                CancelSignal.NEVER);

        assertThat(offered.heldCount()).isEqualTo(4);
        assertThat(offered.holds(7)).isTrue();
        assertThat(offered.holds(8)).isFalse();
        assertThat(result.alreadyHeld()).isEqualTo(4);
        assertThat(result.sent()).isEqualTo(CHUNKS - 4);
        assertThat(firmware.chunksArrived()).doesNotContain(0, 1, 7, CHUNKS - 1).hasSize(CHUNKS - 4);
        assertThat(firmware.held(IMAGE.sha256())).isEqualTo(IMAGE.bytes());
    }

    @Test
    void gatewayRestartFailsTheUploadAsClosedAndTheNextSessionSendsOnlyWhatIsMissing() throws Exception {
        Listener listener = new Listener(service);
        GatewayClient first = listener.supervisor();
        AtomicBoolean restarted = new AtomicBoolean();
        // The gateway restarts right after it wrote chunk 30: chunks behind it on their way are lost with it.
        firmware.afterEachChunk(taken -> {
            if (taken == 30 && restarted.compareAndSet(false, true)) {
                listener.links.endSessions(TransportKind.TCP);
            }
        });

        assertThatThrownBy(() -> upload(first, IMAGE, GatewayFirmware.UploadListener.NONE, CancelSignal.NEVER))
                .isInstanceOfSatisfying(LinkException.class,
                        e -> assertThat(e.code()).isEqualTo(LinkException.Code.CLOSED));
        int arrivedBefore = firmware.chunksArrived().size();
        GatewayFirmware.UploadResult again = upload(listener.supervisor(), IMAGE,
                GatewayFirmware.UploadListener.NONE, CancelSignal.NEVER);

        assertThat(arrivedBefore).isEqualTo(30);
        assertThat(again.alreadyHeld()).isEqualTo(30);
        assertThat(again.sent()).isEqualTo(CHUNKS - arrivedBefore);
        assertThat(new HashSet<>(firmware.chunksArrived())).hasSize(CHUNKS);
        assertThat(firmware.chunksArrived()).hasSize(CHUNKS);
        assertThat(FirmwareSamples.sha256(firmware.held(IMAGE.sha256()))).isEqualTo(IMAGE.sha256());
    }

    @Test
    void cablePulledMidwayFailsTheUploadAsClosedAndAnUploadOverANewLinkFinishesWithTheRightHash() throws Exception {
        Listener listener = new Listener(service);
        GatewayClient first = listener.supervisor();
        AtomicBoolean pulled = new AtomicBoolean();
        firmware.afterEachChunk(taken -> {
            if (taken == 40 && pulled.compareAndSet(false, true)) {
                listener.links.dropTransports(TransportKind.TCP);
            }
        });

        assertThatThrownBy(() -> upload(first, IMAGE, GatewayFirmware.UploadListener.NONE, CancelSignal.NEVER))
                .isInstanceOfSatisfying(LinkException.class,
                        e -> assertThat(e.code()).isEqualTo(LinkException.Code.CLOSED));
        GatewayFirmware.UploadResult again = upload(listener.supervisor(), IMAGE,
                GatewayFirmware.UploadListener.NONE, CancelSignal.NEVER);

        // Chunks that reached the gateway before the cut are taken even though their answers were lost.
        assertThat(again.alreadyHeld()).isGreaterThanOrEqualTo(40);
        assertThat(again.alreadyHeld() + again.sent()).isEqualTo(CHUNKS);
        assertThat(FirmwareSamples.sha256(firmware.held(IMAGE.sha256()))).isEqualTo(IMAGE.sha256());
    }

    @Test
    void sessionResumedOverANewConnectionCarriesTheUploadThroughInOneCall() throws Exception {
        Listener listener = new Listener(service);
        GatewayClient client = listener.supervisor();
        client.setResumeWindow(Duration.ofMinutes(1));
        List<Boolean> resumes = new CopyOnWriteArrayList<>();
        client.onSuspended(cause -> CompletableFuture.runAsync(() -> {
            try {
                resumes.add(client.resume(TcpTransport.connect("127.0.0.1", listener.server.getLocalPort(),
                        2_000)));
            } catch (IOException e) {
                resumes.add(false);
            }
        }));
        Set<Integer> cutAt = Set.of(10, 50);
        firmware.afterEachChunk(taken -> {
            if (cutAt.contains(taken)) {
                listener.links.dropTransports(TransportKind.TCP);
            }
        });

        GatewayFirmware.UploadResult result = upload(client, IMAGE, GatewayFirmware.UploadListener.NONE,
                CancelSignal.NEVER);

        assertThat(result.sent()).isEqualTo(CHUNKS);
        assertThat(firmware.chunksArrived()).hasSize(CHUNKS);
        assertThat(firmware.held(IMAGE.sha256())).isEqualTo(IMAGE.bytes());
        assertThat(resumes).contains(true);
    }

    @Test
    void chunkRefusedAsDamagedIsReadAndSentAgain() throws Exception {
        firmware.refusingChunk(3, 2);
        GatewayClient client = new Listener(service).supervisor();
        AtomicInteger reads = new AtomicInteger();

        GatewayFirmware.UploadResult result = client.firmware().upload(IMAGE.offered(), IMAGE.manifest(), index -> {
            if (index == 3) {
                reads.incrementAndGet();
            }
            return ByteString.adopt(IMAGE.chunk(index));
        }, GatewayFirmware.UploadListener.NONE, CancelSignal.NEVER);

        assertThat(result.sent()).isEqualTo(CHUNKS);
        assertThat(result.resent()).isEqualTo(2);
        assertThat(reads).hasValue(3);
        assertThat(firmware.held(IMAGE.sha256())).isEqualTo(IMAGE.bytes());
    }

    @Test
    void chunkRefusedFourTimesFailsTheUploadAsDamaged() throws Exception {
        firmware.refusingChunk(3, 4);
        GatewayClient client = new Listener(service).supervisor();

        assertThatThrownBy(() -> upload(client, IMAGE, GatewayFirmware.UploadListener.NONE, CancelSignal.NEVER))
                .isInstanceOfSatisfying(LinkException.class, e -> {
                    assertThat(e.code()).isEqualTo(LinkException.Code.GATEWAY_ERROR);
                    assertThat(e.gatewayCode()).isEqualTo("FIRMWARE_DAMAGED");
                }).hasMessageContaining("chunk 4 of 128");
        assertThat(firmware.chunksArrived().stream().filter(index -> index == 3)).hasSize(4);
        assertThat(client.firmware().state()).isNotNull();
    }

    @Test
    void cancelStopsBetweenChunksAndALaterUploadFinishesFromWhatTheGatewayKept() throws Exception {
        Listener listener = new Listener(service);
        GatewayClient client = listener.supervisor();
        AtomicInteger heldNow = new AtomicInteger();

        assertThatThrownBy(() -> upload(client, IMAGE, (held, count, bytes) -> heldNow.set(held),
                () -> heldNow.get() >= 10)).isInstanceOf(CancellationException.class);
        GatewayFirmware.UploadResult rest = upload(client, IMAGE, GatewayFirmware.UploadListener.NONE,
                CancelSignal.NEVER);

        assertThat(rest.alreadyHeld()).isBetween(10, CHUNKS - 1);
        assertThat(rest.alreadyHeld() + rest.sent()).isEqualTo(CHUNKS);
        assertThat(firmware.held(IMAGE.sha256())).isEqualTo(IMAGE.bytes());
    }

    @Test
    void chunksAreAnsweredWhileASlowRequestHoldsTheSessionsWorker() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        service.withSiteGate(gate);
        GatewayClient client = new Listener(service).supervisor();
        FirmwareOffered offered = client.firmware().offer(IMAGE.offered());
        CompletableFuture<Object> site = CompletableFuture.supplyAsync(() -> {
            try {
                return client.site();
            } catch (LinkException e) {
                return e;
            }
        });
        assertThat(service.awaitSiteEntered(5)).isTrue();

        GatewayFirmware.UploadResult result = upload(client, IMAGE, GatewayFirmware.UploadListener.NONE,
                CancelSignal.NEVER);

        assertThat(offered.heldCount()).isZero();
        assertThat(result.sent()).isEqualTo(CHUNKS);
        assertThat(site).isNotDone();
        gate.countDown();
        assertThat(site.get()).isEqualTo(SampleMessages.siteReply());
    }

    @Test
    void aTechnicianUploadsAndPausesButOnlyASupervisorInstallsStartsOrResumes() throws Exception {
        Listener listener = new Listener(service);
        GatewayClient technician = listener.technician();
        GatewayClient supervisor = listener.supervisor();
        upload(technician, IMAGE, GatewayFirmware.UploadListener.NONE, CancelSignal.NEVER);
        var start = new io.gridside.link.message.StartCampaign("c-1", IMAGE.sha256(), CampaignPolicy.defaults());

        assertForbidden(() -> technician.firmware().install(IMAGE.sha256()), "Installing firmware");
        assertForbidden(() -> technician.firmware().start(start), "Starting a meter campaign");
        assertThat(supervisor.firmware().start(start).status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(technician.firmware().control("c-1", ControlCampaign.Action.PAUSE).status())
                .isEqualTo(CampaignStatus.PAUSED);
        assertForbidden(() -> technician.firmware().control("c-1", ControlCampaign.Action.RESUME),
                "Resuming a meter campaign");
        assertThat(supervisor.firmware().control("c-1", ControlCampaign.Action.RESUME).status())
                .isEqualTo(CampaignStatus.RUNNING);
        FirmwareInstalled installed = supervisor.firmware().install(IMAGE.sha256());
        assertThat(installed.outcome().confirmed()).isTrue();
        assertThat(firmware.installedBy()).isEqualTo(TestCredentials.supervisor().technicianId());
    }

    private static void assertForbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String action) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LinkException.class,
                e -> assertThat(e.code()).isEqualTo(LinkException.Code.FORBIDDEN)).hasMessageContaining(action);
    }

    @Test
    void offerTheGatewayRefusesCarriesTheRefusalsCode() throws Exception {
        FirmwareSamples.Image image = FirmwareSamples.smallImage();
        FirmwareManifest old = image.manifest();
        FirmwareManifest older = new FirmwareManifest(old.product(), old.hardwareIds(), "mtr-2.0.0", 2,
                old.imageSize(), old.imageSha256(), old.chunkSize(), old.chunkSha256(), old.releaseNotes(),
                old.built());
        GatewayClient client = new Listener(service).supervisor();

        assertThatThrownBy(() -> client.firmware().upload(ByteString.of(older.encode()), older,
                index -> ByteString.adopt(image.chunk(index)), GatewayFirmware.UploadListener.NONE, CancelSignal.NEVER))
                .isInstanceOfSatisfying(LinkException.class, e -> {
                    assertThat(e.code()).isEqualTo(LinkException.Code.GATEWAY_ERROR);
                    assertThat(e.gatewayCode()).isEqualTo("FIRMWARE_DOWNGRADE");
                });
        assertThatThrownBy(() -> client.firmware().offer(ByteString.of(new byte[] {1, 2, 3})))
                .isInstanceOfSatisfying(LinkException.class,
                        e -> assertThat(e.gatewayCode()).isEqualTo("FIRMWARE_DAMAGED"));
        assertThat(firmware.chunksArrived()).isEmpty();
    }

    @Test
    void campaignsAnswerUnknownAndConflictWithTheirCodes() throws Exception {
        GatewayClient client = new Listener(service).supervisor();
        client.firmware().start(FirmwareSamples.startCampaign());

        CampaignState latest = client.firmware().campaign(null);
        client.firmware().control(latest.campaignId(), ControlCampaign.Action.ABORT);

        assertThat(latest.campaignId()).isEqualTo(FirmwareSamples.startCampaign().campaignId());
        assertThatThrownBy(() -> client.firmware().control(latest.campaignId(), ControlCampaign.Action.RESUME))
                .isInstanceOfSatisfying(LinkException.class,
                        e -> assertThat(e.gatewayCode()).isEqualTo("CAMPAIGN_CONFLICT"));
        assertThatThrownBy(() -> client.firmware().campaign("no-such-campaign"))
                .isInstanceOfSatisfying(LinkException.class,
                        e -> assertThat(e.gatewayCode()).isEqualTo("CAMPAIGN_UNKNOWN"));
    }

    @Test
    void pullsTheFleetAsAStream() throws Exception {
        GatewayClient client = new Listener(service).supervisor();
        List<FleetMeter> fleet = new ArrayList<>();

        long count = client.firmware().fleet((batch, received, total) -> fleet.addAll(batch), CancelSignal.NEVER);

        assertThat(count).isEqualTo(3);
        assertThat(fleet).containsExactlyElementsOf(FirmwareSamples.fleet());
    }

    @Test
    void aGatewayWithoutFirmwareAnswersUnsupported() throws Exception {
        GatewayClient client = new Listener(new FakeGatewayService()).supervisor();

        assertThatThrownBy(() -> client.firmware().state()).isInstanceOfSatisfying(LinkException.class,
                e -> assertThat(e.gatewayCode()).isEqualTo("UNSUPPORTED"));
        assertThatThrownBy(() -> client.firmware().fleet((batch, received, total) -> { }, CancelSignal.NEVER))
                .isInstanceOfSatisfying(LinkException.class,
                        e -> assertThat(e.gatewayCode()).isEqualTo("UNSUPPORTED"));
        assertThat(client.site()).isEqualTo(SampleMessages.siteReply());
    }
}
