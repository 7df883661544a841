import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayFirmware;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.link.firmware.FirmwareCheck;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.firmware.SignedManifest;
import io.gridside.link.message.CampaignReply;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.ChunkHeld;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.FirmwareChunk;
import io.gridside.link.message.FirmwareInstalled;
import io.gridside.link.message.FirmwareOffered;
import io.gridside.link.message.FirmwareState;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SiteReply;
import io.gridside.link.message.StartCampaign;
import io.gridside.link.server.CashAllowance;
import io.gridside.link.server.CashRefusedException;
import io.gridside.link.server.FirmwareService;
import io.gridside.link.server.GatewayLinks;
import io.gridside.link.server.GatewayProfile;
import io.gridside.link.server.GatewayService;
import io.gridside.link.transport.TcpTransport;
import io.gridside.link.transport.Transport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.sim.wire.WireClock;
import io.gridside.sim.wire.WireEmulator;
import io.gridside.sim.wire.WireProfile;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import io.gridside.site.firmware.FleetMeter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Uploads firmware in real time: 256 KiB over an emulated 115200-baud UART, 16 MiB over TCP against a raw copy. */
public final class FirmwareBench {

    private static final long BAUD = 115_200;
    /** The serial limit: 115200 baud at 10 bits a byte (8N1). */
    private static final double LINE_BYTES_PER_S = BAUD / 10.0;
    private static final int RUNS = 3;
    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final String SITE = "site-42";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final int SERIAL_IMAGE = 256 * 1024;
    private static final int SERIAL_CHUNK = 4 * 1024;
    private static final int TCP_IMAGE = 16 * 1024 * 1024;
    private static final int TCP_CHUNK = 64 * 1024;
    /** How long each TCP run's console check of the image took, before its clock started. */
    private static final List<Double> CONSOLE_CHECKS = new ArrayList<>();
    /** What the raw copy writes at a time. */
    private static final int COPY_BUFFER = 64 * 1024;
    /** The CPU time each kind of thread spent during the uploads, in milliseconds; see {@link #profileTcp}. */
    private static final Map<String, Double> UPLOAD_CPU_BY_THREAD = new TreeMap<>();
    /** The CPU time the process's threads spent during the last upload, in milliseconds. */
    private static double lastUploadCpuMs;

    /** One measured transfer: its seconds, or the reason it failed. */
    private record Run(double seconds, String failure) {

        double bytesPerSecond(long bytes) {
            return failure == null ? bytes / seconds : 0;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--tcp-profile")) {
            profileTcp();
            return;
        }
        boolean tcpOnly = args.length == 1 && args[0].equals("--tcp-only");
        if (!tcpOnly && args.length > 0) {
            System.err.println("usage: bench/run firmware [--tcp-only | --tcp-profile]");
            System.exit(2);
        }
        FirmwareImage meterImage = SampleFirmware.meterImage();
        FirmwareImage serialFallback = gatewayImage(SERIAL_IMAGE, SERIAL_CHUNK, "gw-sim-2.5.1");
        FirmwareImage tcpImage = gatewayImage(TCP_IMAGE, TCP_CHUNK, "gw-sim-2.6.0");

        List<Run> serial = new ArrayList<>();
        for (int i = 0; i < (tcpOnly ? 0 : RUNS); i++) {
            serial.add(serialRun(meterImage, serialFallback, 1000 + i));
        }

        // One round of each, unmeasured, lets the JIT compile the paths both copies take.
        rawCopy(TCP_IMAGE);
        tcpRun(tcpImage, Gateway.SIMULATED);
        hashFloor(tcpImage);
        List<Run> raw = new ArrayList<>();
        List<Run> tcp = new ArrayList<>();
        List<Run> linkOnly = new ArrayList<>();
        List<Run> hashing = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            raw.add(rawCopy(TCP_IMAGE));
            tcp.add(tcpRun(tcpImage, Gateway.SIMULATED));
            linkOnly.add(tcpRun(tcpImage, Gateway.IN_MEMORY));
            hashing.add(hashFloor(tcpImage));
        }

        if (!tcpOnly) {
            double serialS = medianSeconds(serial);
            print("serial_image_bytes", SERIAL_IMAGE);
            print("serial_chunk_bytes", SERIAL_CHUNK);
            print("line_bytes_per_s", LINE_BYTES_PER_S);
            print("serial_transfers_failed", failures(serial));
            print("serial_upload_s", serialS);
            print("serial_goodput_bytes_per_s", median(serial, run -> run.bytesPerSecond(SERIAL_IMAGE)));
        }
        printTcp(raw, tcp, linkOnly, hashing);
        if (!tcpOnly) {
            print("serial_goodput_ratio", median(serial, run -> run.bytesPerSecond(SERIAL_IMAGE)) / LINE_BYTES_PER_S);
        }
    }

    /** The TCP figures, each ratio the raw copy's time over the other's, from the same rounds. */
    private static void printTcp(List<Run> raw, List<Run> tcp, List<Run> linkOnly, List<Run> hashing) {
        double rawS = medianSeconds(raw);
        double tcpS = medianSeconds(tcp);
        double linkS = medianSeconds(linkOnly);
        print("tcp_image_bytes", TCP_IMAGE);
        print("tcp_chunk_bytes", TCP_CHUNK);
        print("tcp_transfers_failed", failures(tcp) + failures(linkOnly));
        print("raw_copy_ms", rawS * 1000);
        print("raw_copy_mib_per_s", TCP_IMAGE / rawS / (1 << 20));
        print("tcp_upload_ms", tcpS * 1000);
        print("tcp_upload_mib_per_s", TCP_IMAGE / tcpS / (1 << 20));
        print("tcp_in_memory_gateway_ms", linkS * 1000);
        print("hash_floor_ms", medianSeconds(hashing) * 1000);
        List<Double> checks = new ArrayList<>(CONSOLE_CHECKS.subList(1, CONSOLE_CHECKS.size()));
        Collections.sort(checks);
        print("console_check_before_upload_ms", checks.isEmpty() ? 0 : checks.get(checks.size() / 2) * 1000);
        print("hash_floor_vs_raw_ratio", ratios(raw, hashing));
        print("tcp_in_memory_vs_raw_ratio", ratios(raw, linkOnly));
        print("tcp_vs_raw_ratio", ratios(raw, tcp));
    }

    /**
     * Uploads the TCP image into the in-memory gateway again and again, for a profiler to watch; prints each time,
     * with the CPU time the process's threads spent during the upload. At the end, the CPU time each kind of thread
     * spent per upload, on average over the rounds after the first; {@code gateway} names the gateway's threads.
     */
    private static void profileTcp() throws Exception {
        FirmwareImage image = gatewayImage(TCP_IMAGE, TCP_CHUNK, "gw-sim-2.6.0");
        int rounds = 10;
        for (int i = 0; i < rounds; i++) {
            if (i == 1) {
                UPLOAD_CPU_BY_THREAD.clear();
            }
            Run run = tcpRun(image, Gateway.IN_MEMORY);
            Run raw = rawCopy(TCP_IMAGE);
            print("tcp_in_memory_gateway_ms", run.seconds() * 1000);
            print("tcp_in_memory_thread_cpu_ms", lastUploadCpuMs);
            print("raw_copy_ms", raw.seconds() * 1000);
        }
        UPLOAD_CPU_BY_THREAD.forEach((thread, ms) -> print("thread_cpu_ms." + thread, ms / (rounds - 1)));
    }

    /** The CPU time each live thread has used so far, in nanoseconds, by thread id. */
    private static Map<Long, Long> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> used = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                used.put(id, nanos);
            }
        }
        return used;
    }

    /**
     * Adds what each thread used since {@code before} to {@link #UPLOAD_CPU_BY_THREAD}, by the kind of thread (its
     * name without addresses and numbers; a gateway's threads name their peer with a leading slash); returns the sum.
     */
    private static double addCpuSince(Map<Long, Long> before) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double total = 0;
        for (Map.Entry<Long, Long> now : threadCpu().entrySet()) {
            ThreadInfo info = threads.getThreadInfo(now.getKey());
            double ms = (now.getValue() - before.getOrDefault(now.getKey(), 0L)) / 1e6;
            if (info == null || ms <= 0) {
                continue;
            }
            String name = info.getThreadName();
            String kind = (name.contains("/") ? "gateway." : "console.") + name.replaceAll("[-/]+[0-9][0-9.:]*", "")
                    .replace(' ', '_');
            UPLOAD_CPU_BY_THREAD.merge(kind, ms, Double::sum);
            total += ms;
        }
        return total;
    }

    /** A gateway image for the simulated gateway's hardware, signed with the demo key, of seeded bytes. */
    private static FirmwareImage gatewayImage(int size, int chunkSize, String version) {
        byte[] bytes = new byte[size];
        new Random(size ^ chunkSize).nextBytes(bytes);
        return FirmwareImage.build(FirmwareProduct.GATEWAY, List.of("gw-sim-r1"), version, 8, chunkSize,
                "A benchmark image.", NOW, bytes, SampleFirmware.key());
    }

    private static Authentication supervisor() {
        return Authentication.of(DemoOperator.supervisorFor(SITE, NOW), GatewayPins.inMemory());
    }

    private static SimulatedSite newSite() {
        return SimulatedSite.start(new SiteSpec(20, 42, 1, NOW), SimClock.manual(NOW));
    }

    /**
     * The 256 KiB meter image over the emulated UART into a fresh simulated gateway, from the offer to the last
     * chunk held. A gateway that runs no meter campaigns yet cannot check a meter image against its fleet and
     * says so; the run then carries a gateway image of the same size and chunks instead.
     */
    private static Run serialRun(FirmwareImage meterImage, FirmwareImage fallback, long seed) throws Exception {
        try (SimulatedSite site = newSite()) {
            WireEmulator wire = site.serveThroughWire(WireProfile.uart(BAUD).withSeed(seed), WireClock.system());
            try (wire; GatewayClient client = GatewayClient.open(wire.consoleEnd(), supervisor(), ANSWER_TIMEOUT)) {
                FirmwareImage image = meterImage;
                try {
                    client.firmware().offer(meterImage.signedManifestBytes());
                } catch (LinkException e) {
                    System.err.println("The simulated gateway refused the meter image (" + e.gatewayCode()
                            + "); the serial runs carry a gateway image of the same size and chunks.");
                    image = fallback;
                }
                return upload(client, image);
            }
        }
    }

    /**
     * Checks the image as the console does before it sends a byte (signature, trusted key, hardware, version, the
     * whole image's and every chunk's SHA-256, against what the gateway runs), then uploads it. The check runs before
     * the clock starts, so that a failing check fails the run; the bench reports its time under its own key.
     */
    private static Run checkedUpload(GatewayClient client, FirmwareImage image, List<Double> checkSeconds) {
        long started = System.nanoTime();
        try {
            FirmwareState state = client.firmware().state();
            FirmwareCheck.checkImage(image, SampleFirmware.trusted(), new FirmwareCheck.Installed(
                    FirmwareProduct.GATEWAY, List.of(state.hardwareId()), state.running().version(),
                    state.running().securityCounter()));
        } catch (LinkException | FirmwareRefusedException e) {
            return new Run(0, "the console's check refused the image: " + e.getMessage());
        }
        checkSeconds.add((System.nanoTime() - started) / 1e9);
        return upload(client, image);
    }

    private static Run upload(GatewayClient client, FirmwareImage image) {
        Map<Long, Long> cpuBefore = threadCpu();
        try {
            return timedUpload(client, image);
        } finally {
            lastUploadCpuMs = addCpuSince(cpuBefore);
        }
    }

    private static Run timedUpload(GatewayClient client, FirmwareImage image) {
        long started = System.nanoTime();
        try {
            GatewayFirmware.UploadResult result = client.firmware().upload(image.signedManifestBytes(),
                    image.manifest(), image::chunkBytes, GatewayFirmware.UploadListener.NONE, CancelSignal.NEVER);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (result.alreadyHeld() != 0 || result.sent() != image.manifest().chunkCount()) {
                return new Run(seconds, "the gateway held " + result.alreadyHeld() + " chunks before the run");
            }
            return new Run(seconds, null);
        } catch (LinkException e) {
            System.err.println("An upload failed: " + e.code() + ": " + e.getMessage());
            return new Run(0, e.code() + ": " + e.getMessage());
        }
    }

    /** Which gateway a TCP run uploads into. */
    private enum Gateway {
        /** The simulated gateway, which writes and forces every chunk to its flash before it answers. */
        SIMULATED,
        /** The simulated gateway's session in front of an in-memory firmware service: the link's own cost. */
        IN_MEMORY
    }

    /** The 16 MiB gateway image over loopback TCP into a fresh gateway, from the offer to the last chunk held. */
    private static Run tcpRun(FirmwareImage image, Gateway kind) throws Exception {
        try (SimulatedSite site = newSite()) {
            GatewayService service = kind == Gateway.SIMULATED ? site.gateway()
                    : new InMemoryFirmwareGateway(site.gateway());
            try (GatewayLinks links = new GatewayLinks(service); ServerSocket server = loopbackServer()) {
                CompletableFuture.runAsync(() -> accept(server, links));
                Transport transport = TcpTransport.connect("127.0.0.1", server.getLocalPort(), 2_000);
                try (GatewayClient client = GatewayClient.open(transport, supervisor(), ANSWER_TIMEOUT)) {
                    return kind == Gateway.SIMULATED ? checkedUpload(client, image, CONSOLE_CHECKS)
                            : upload(client, image);
                }
            }
        }
    }

    private static ServerSocket loopbackServer() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        return server;
    }

    private static void accept(ServerSocket server, GatewayLinks links) {
        try {
            links.serve(TcpTransport.accepted(server.accept()), () -> { });
        } catch (IOException e) {
            System.err.println("The bench's gateway could not accept: " + e.getMessage());
        }
    }

    /**
     * The peer: {@code size} bytes written through a loopback socket in 64 KiB writes and read on the far side,
     * from the first write to the last byte read.
     */
    private static Run rawCopy(int size) throws Exception {
        byte[] buffer = new byte[COPY_BUFFER];
        new Random(7).nextBytes(buffer);
        try (ServerSocket server = loopbackServer()) {
            CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> drain(server));
            try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), server.getLocalPort())) {
                long started = System.nanoTime();
                OutputStream out = socket.getOutputStream();
                for (int written = 0; written < size; written += COPY_BUFFER) {
                    out.write(buffer, 0, Math.min(COPY_BUFFER, size - written));
                }
                out.flush();
                socket.shutdownOutput();
                long got = read.get(60, TimeUnit.SECONDS);
                double seconds = (System.nanoTime() - started) / 1e9;
                return got == size ? new Run(seconds, null) : new Run(0, "the copy read " + got + " bytes");
            }
        }
    }

    private static long drain(ServerSocket server) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[COPY_BUFFER];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
            return total;
        } catch (IOException e) {
            throw new IllegalStateException("The raw copy's reader failed.", e);
        }
    }

    /**
     * What a gateway must spend on any upload whatever the link: the SHA-256 of every chunk as it arrives, checked
     * against the manifest, on one thread. The whole image's SHA-256 is checked once at install, not in the upload.
     */
    private static Run hashFloor(FirmwareImage image) throws NoSuchAlgorithmException {
        FirmwareManifest manifest = image.manifest();
        byte[] bytes = image.bytes();
        long started = System.nanoTime();
        for (int i = 0; i < manifest.chunkCount(); i++) {
            MessageDigest each = MessageDigest.getInstance("SHA-256");
            each.update(bytes, i * manifest.chunkSize(), manifest.chunkLength(i));
            if (!ByteString.of(each.digest()).equals(manifest.chunkSha256().get(i))) {
                return new Run(0, "chunk " + i + " does not match its hash");
            }
        }
        return new Run((System.nanoTime() - started) / 1e9, null);
    }

    /** The median over the runs of the raw copy's time over the upload's, each pair from the same round. */
    private static double ratios(List<Run> raw, List<Run> uploads) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Run upload = uploads.get(i);
            ratios.add(upload.failure() == null ? raw.get(i).seconds() / upload.seconds() : 0);
        }
        Collections.sort(ratios);
        return ratios.get(ratios.size() / 2);
    }

    private static double medianSeconds(List<Run> runs) {
        return median(runs, Run::seconds);
    }

    private static double median(List<Run> runs, Function<Run, Double> value) {
        List<Double> values = new ArrayList<>(runs.stream().map(value).toList());
        Collections.sort(values);
        return values.get(values.size() / 2);
    }

    private static long failures(List<Run> runs) {
        return runs.stream().filter(run -> run.failure() != null).count();
    }

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.3f",
                value));
    }

    /**
     * The simulated gateway with its firmware in memory: it checks each offer's signature and each chunk's SHA-256
     * as the simulated gateway does (the session hashes each chunk on its hashing threads; the whole image's is
     * checked at install), but writes nothing to a disk.
     * What it costs beyond a raw copy is the link's own cost and the hashing.
     */
    private static final class InMemoryFirmwareGateway implements GatewayService {

        private final SimulatedGateway gateway;
        private final MemoryFirmware firmware = new MemoryFirmware();

        InMemoryFirmwareGateway(SimulatedGateway gateway) {
            this.gateway = gateway;
        }

        @Override
        public FirmwareService firmware() {
            return firmware;
        }

        @Override
        public GatewayProfile profile() {
            return gateway.profile();
        }

        @Override
        public SigningKey identityKey() {
            return gateway.identityKey();
        }

        @Override
        public TrustedOperators trustedOperators() {
            return gateway.trustedOperators();
        }

        @Override
        public Instant clock() {
            return gateway.clock();
        }

        @Override
        public Instant setClock(Instant clock) {
            return gateway.setClock(clock);
        }

        @Override
        public SiteReply site() {
            return gateway.site();
        }

        @Override
        public List<RosterBatch.Entry> roster() {
            return gateway.roster();
        }

        @Override
        public List<MeterStatus> meterStatus() {
            return gateway.meterStatus();
        }

        @Override
        public List<Reading> readings(Instant from, Instant to, String meterId) {
            return gateway.readings(from, to, meterId);
        }

        @Override
        public List<LedgerEntry> ledgerAfter(long afterSeq) {
            return gateway.ledgerAfter(afterSeq);
        }

        @Override
        public CashReceipt creditCash(CashTopUp request, CashAllowance allowance) throws CashRefusedException {
            return gateway.creditCash(request, allowance);
        }
    }

    /** One image received into memory; see {@link InMemoryFirmwareGateway}. */
    private static final class MemoryFirmware implements FirmwareService {

        private FirmwareManifest manifest;
        private byte[] image;
        private final BitSet held = new BitSet();

        @Override
        public synchronized FirmwareOffered offer(ByteString signedManifest) throws FirmwareRefusedException {
            SignedManifest signed = SignedManifest.decode(signedManifest.toByteArray());
            if (!signed.signatureVerifies() || !SampleFirmware.trusted().trusts(signed.publicKey())) {
                throw new FirmwareRefusedException(FirmwareRefusal.BAD_SIGNATURE, "The signature does not verify.");
            }
            if (manifest == null || !manifest.equals(signed.manifest())) {
                manifest = signed.manifest();
                image = new byte[(int) manifest.imageSize()];
                held.clear();
            }
            return new FirmwareOffered(manifest.imageSha256(), manifest.chunkCount(),
                    ByteString.of(held.toByteArray()), held.cardinality());
        }

        @Override
        public ChunkHeld take(FirmwareChunk chunk) throws FirmwareRefusedException {
            return takeBeforeFlush(chunk, sha256(chunk.data()));
        }

        /** Compares the SHA-256 the session computed as the simulated gateway does, rather than hashing again. */
        @Override
        public synchronized ChunkHeld takeBeforeFlush(FirmwareChunk chunk, ByteString dataSha256)
                throws FirmwareRefusedException {
            ByteString data = chunk.data();
            if (manifest == null || !chunk.imageSha256().equals(manifest.imageSha256())
                    || chunk.index() >= manifest.chunkCount() || data.size() != manifest.chunkLength(chunk.index())
                    || !dataSha256.equals(manifest.chunkSha256().get(chunk.index()))) {
                throw new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "The chunk does not match.");
            }
            data.copyTo(image, chunk.index() * manifest.chunkSize());
            held.set(chunk.index());
            boolean complete = held.cardinality() == manifest.chunkCount();
            return new ChunkHeld(chunk.imageSha256(), chunk.index(), held.cardinality(), complete);
        }

        private static ByteString sha256(ByteString bytes) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                bytes.updateDigest(digest);
                return ByteString.of(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public FirmwareState state() {
            throw new UnsupportedOperationException("the bench's gateway keeps no slots");
        }

        @Override
        public FirmwareInstalled install(ByteString imageSha256, String by) {
            throw new UnsupportedOperationException("the bench's gateway installs nothing");
        }

        @Override
        public List<FleetMeter> fleet() {
            return List.of();
        }

        @Override
        public CampaignReply start(StartCampaign request, String by) {
            throw new UnsupportedOperationException("the bench's gateway runs no campaigns");
        }

        @Override
        public CampaignReply control(ControlCampaign request, String by) {
            throw new UnsupportedOperationException("the bench's gateway runs no campaigns");
        }

        @Override
        public CampaignReply campaign(String campaignId) {
            throw new UnsupportedOperationException("the bench's gateway runs no campaigns");
        }
    }
}
