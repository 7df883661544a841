package io.gridside.sim.cloud;

import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.sim.DemoOperator;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.sync.api.BatchDocument;
import io.gridside.site.sync.api.BatchId;
import io.gridside.site.sync.api.CommitAnswer;
import io.gridside.site.sync.api.HandshakeAnswer;
import io.gridside.site.sync.api.HandshakeRequest;
import io.gridside.site.sync.api.SyncHeaders;
import io.gridside.site.sync.api.SyncJson;
import io.gridside.site.sync.api.UpItems;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A test's client of the simulated cloud: JDK HttpClient trusting the test CA, with a site's headers. */
final class CloudClient {

    /** The clock the tests run the cloud on. */
    static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");
    static final String SITE = "site-cloud-test";
    static final Instant DAY_ONE = Instant.parse("2026-06-01T03:00:00Z");

    /** An answer: status, body and the Retry-After header if any. */
    record Reply(int status, byte[] body, Optional<String> retryAfter) {

        <T> T as(Class<T> type) {
            return SyncJson.read(body, type);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A batch ready to send: its id and compressed bytes. */
    record Batch(BatchId id, byte[] bytes) {
    }

    private final CloudServer cloud;
    private final HttpClient http;
    private String site = SITE;
    private String laptop = UUID.randomUUID().toString();
    private String credential = CloudServer.credentialHeader(credential("tech-1", SITE));
    private int schema = 19;

    CloudClient(CloudServer cloud) {
        this.cloud = cloud;
        this.http = HttpClient.newBuilder().sslContext(CloudTls.clientContextTrustingTestCa())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static SignedCredential credential(String technicianId, String site) {
        return DemoOperator.issue(technicianId, "Test technician", Role.TECHNICIAN, List.of(site),
                NOW.minus(Duration.ofDays(30)), Duration.ofDays(365), Map.of());
    }

    CloudClient site(String value) {
        site = value;
        return this;
    }

    CloudClient laptop(String value) {
        laptop = value;
        return this;
    }

    String laptop() {
        return laptop;
    }

    CloudClient credential(String header) {
        credential = header;
        return this;
    }

    CloudClient schema(int value) {
        schema = value;
        return this;
    }

    Reply send(String method, String path, byte[] body, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.url() + "/v1/sites/" + site + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        put(request, SyncHeaders.SITE, site);
        put(request, SyncHeaders.SCHEMA, String.valueOf(schema));
        put(request, SyncHeaders.LAPTOP, laptop);
        put(request, SyncHeaders.CREDENTIAL, credential);
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue(SyncHeaders.RETRY_AFTER));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void put(HttpRequest.Builder request, String name, String value) {
        if (value != null) {
            request.header(name, value);
        }
    }

    Reply handshake(long lastSeq, String hash, Map<String, String> down) throws IOException {
        HandshakeRequest request = new HandshakeRequest(19, Map.of(), new HandshakeRequest.Tip(lastSeq, hash), down);
        return send("POST", "/handshake", SyncJson.write(request),
                Map.of(SyncHeaders.IDEMPOTENCY_KEY, UUID.randomUUID().toString()));
    }

    HandshakeAnswer handshake() throws IOException {
        return handshake(0, null, Map.of()).as(HandshakeAnswer.class);
    }

    Reply put(Batch batch, long offset, int length) throws IOException {
        return put(batch, offset, length, false);
    }

    /** PUTs a chunk; {@code commit} asks the cloud to commit the batch in the same request when it completes it. */
    Reply put(Batch batch, long offset, int length, boolean commit) throws IOException {
        byte[] chunk = Arrays.copyOfRange(batch.bytes(), (int) offset, (int) offset + length);
        return send("PUT", "/batches/" + batch.id() + "?offset=" + offset, chunk, Map.of(
                SyncHeaders.IDEMPOTENCY_KEY, batch.id() + ":" + offset,
                SyncHeaders.BATCH_SIZE, String.valueOf(batch.bytes().length),
                SyncHeaders.BATCH_SHA256, BatchId.sha256Hex(batch.bytes()),
                SyncHeaders.COMMIT, Boolean.toString(commit)));
    }

    Reply status(Batch batch) throws IOException {
        return send("GET", "/batches/" + batch.id(), null, Map.of());
    }

    Reply commit(Batch batch) throws IOException {
        return send("POST", "/batches/" + batch.id() + "/commit", null,
                Map.of(SyncHeaders.IDEMPOTENCY_KEY, batch.id().toString()));
    }

    /** Uploads a batch whole and commits it. */
    Reply upload(Batch batch) throws IOException {
        Reply put = put(batch, 0, batch.bytes().length);
        if (put.status() != 200) {
            return put;
        }
        return commit(batch);
    }

    CommitAnswer uploaded(Batch batch) throws IOException {
        Reply reply = upload(batch);
        if (reply.status() != 200) {
            throw new AssertionError("commit answered " + reply.status() + " " + reply.text());
        }
        return reply.as(CommitAnswer.class);
    }

    Reply get(String path) throws IOException {
        return send("GET", path, null, Map.of());
    }

    static Batch batch(BatchDocument document) {
        byte[] bytes = SyncJson.gzip(SyncJson.write(document));
        return new Batch(BatchId.of(document.stream(), document.first(), document.last(), bytes), bytes);
    }

    static Batch batch(String stream, long first, long last, List<?> items) {
        List<Map<String, Object>> objects = items.stream().map(SyncJson::item).toList();
        return batch(new BatchDocument(stream, first, last, null, null, null, objects));
    }

    /** Ledger entries 1 to {@code count}: a top-up then charges, two customers, four entries a UTC day. */
    static List<LedgerEntry> ledger(int count, String note) {
        List<LedgerEntry> entries = new ArrayList<>();
        long[] balances = new long[2];
        for (int i = 1; i <= count; i++) {
            int customer = i % 2;
            long amount = i <= 2 ? 10_000 : -100;
            balances[customer] += amount;
            entries.add(new LedgerEntry(i, DAY_ONE.plus(Duration.ofHours(6L * (i - 1))), "C-" + customer,
                    i <= 2 ? EntryKind.TOP_UP : EntryKind.ENERGY, amount, balances[customer], note + i));
        }
        return entries;
    }

    /** The ledger batch of {@code entries} from {@code first} to {@code last} (1-based), chained. */
    static Batch ledgerBatch(List<LedgerEntry> entries, int first, int last, Long replaceFrom) {
        List<byte[]> heads = LedgerChain.heads(LedgerChain.genesis(), entries);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int seq = first; seq <= last; seq++) {
            items.add(SyncJson.item(UpItems.Ledger.of(entries.get(seq - 1), LedgerChain.hex(heads.get(seq - 1)))));
        }
        String prev = first == 1 ? null : LedgerChain.hex(heads.get(first - 2));
        return batch(new BatchDocument("ledger", first, last, prev, LedgerChain.hex(heads.get(last - 1)),
                replaceFrom, items));
    }

    static String hashOf(List<LedgerEntry> entries, int seq) {
        return LedgerChain.hex(LedgerChain.heads(LedgerChain.genesis(), entries).get(seq - 1));
    }
}
