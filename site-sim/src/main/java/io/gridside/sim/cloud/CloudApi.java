package io.gridside.sim.cloud;

import com.sun.net.httpserver.Headers;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.site.sync.api.ApiError;
import io.gridside.site.sync.api.BatchId;
import io.gridside.site.sync.api.CommitAnswer;
import io.gridside.site.sync.api.HandshakeAnswer;
import io.gridside.site.sync.api.HandshakeRequest;
import io.gridside.site.sync.api.SyncErrors;
import io.gridside.site.sync.api.SyncHeaders;
import io.gridside.site.sync.api.SyncJson;
import io.gridside.site.sync.api.SyncStreams;
import io.gridside.site.sync.api.UploadAnswer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints of the sync protocol, version 1, on the cloud's store: a request in, an answer out, each request
 * checked and applied in one transaction together with the answer its idempotency key keeps.
 */
final class CloudApi {

    /** A request as it arrived. */
    record Request(String method, String path, String query, Headers headers, byte[] body) {
    }

    /** An answer to send: a status, a JSON body and extra headers. */
    record Answer(int status, byte[] body, Map<String, String> headers) {

        static Answer json(int status, Object body) {
            return new Answer(status, SyncJson.write(body), Map.of());
        }

        static Answer error(int status, ApiError error, Map<String, String> headers) {
            return new Answer(status, SyncJson.write(error), headers);
        }

        boolean success() {
            return status >= 200 && status < 300;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(CloudApi.class);
    private static final int MAX_KEY = 200;

    private final CloudStore store;
    private final TrustedOperators trusted;
    private final Clock clock;

    CloudApi(CloudStore store, TrustedOperators trusted, Clock clock) {
        this.store = store;
        this.trusted = trusted;
        this.clock = clock;
    }

    /** Answers {@code request}; never throws. */
    Answer handle(Request request) {
        List<String> parts = List.of(request.path().split("/"));
        if (parts.size() < 5 || !parts.get(0).isEmpty() || !"v1".equals(parts.get(1))
                || !"sites".equals(parts.get(2)) || parts.get(3).isEmpty()) {
            return Answer.error(404, ApiError.of(SyncErrors.NOT_FOUND, "No sync endpoint is at " + request.path()
                    + "; the paths begin /v1/sites/{site}/."), Map.of());
        }
        String site = parts.get(3);
        List<String> rest = parts.subList(4, parts.size());
        try {
            return store.transaction(connection -> answer(connection, site, rest, request));
        } catch (CloudException e) {
            forgetCorrupt(site, rest, e);
            return Answer.error(e.status(), e.error(), Map.of());
        } catch (RuntimeException e) {
            LOG.error("The simulated cloud failed on {} {}.", request.method(), request.path(), e);
            return Answer.error(500, ApiError.of(SyncErrors.INTERNAL, "The cloud failed; try again later."),
                    Map.of(SyncHeaders.RETRY_AFTER, "1"));
        }
    }

    private Answer answer(Connection connection, String site, List<String> rest, Request request)
            throws SQLException {
        CloudAuth.check(connection, request.headers(), site, trusted, clock.instant());
        boolean posts = "POST".equals(request.method());
        String key = null;
        if (posts || "PUT".equals(request.method())) {
            key = request.headers().getFirst(SyncHeaders.IDEMPOTENCY_KEY);
            if (key == null || key.isBlank() || key.length() > MAX_KEY || !key.matches("[\\x21-\\x7e]+")) {
                throw new CloudException(400, SyncErrors.BAD_REQUEST, "A POST or PUT carries an "
                        + SyncHeaders.IDEMPOTENCY_KEY + " header of 1 to " + MAX_KEY + " printable characters.");
            }
        }
        String fingerprint = request.method() + " " + request.path() + " " + BatchId.sha256Hex(request.body());
        if (posts) {
            Answer kept = kept(connection, site, key, fingerprint);
            if (kept != null) {
                return kept;
            }
        }
        Answer answer = route(connection, site, rest, request);
        if (posts && answer.success()) {
            Sql.update(connection, "INSERT INTO idempotency (site, key, fingerprint, status, body)"
                    + " VALUES (?, ?, ?, ?, ?)", site, key, fingerprint, answer.status(), answer.body());
        }
        return answer;
    }

    private static Answer kept(Connection connection, String site, String key, String fingerprint)
            throws SQLException {
        List<Answer> rows = Sql.list(connection, row -> {
            if (!fingerprint.equals(row.getString(1))) {
                throw new CloudException(422, SyncErrors.KEY_REUSED, "The " + SyncHeaders.IDEMPOTENCY_KEY + " '"
                        + key + "' was used for another request; give each request its own key.");
            }
            return new Answer(row.getInt(2), row.getBytes(3), Map.of());
        }, "SELECT fingerprint, status, body FROM idempotency WHERE site = ? AND key = ?", site, key);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private Answer route(Connection connection, String site, List<String> rest, Request request)
            throws SQLException {
        String method = request.method();
        String first = rest.get(0);
        if (rest.size() == 1 && "handshake".equals(first) && "POST".equals(method)) {
            return Answer.json(200, handshake(connection, site, request.body()));
        }
        if (rest.size() == 2 && "ledger".equals(first) && "days".equals(rest.get(1)) && "GET".equals(method)) {
            return Answer.json(200, CloudLedger.days(connection, site));
        }
        if (rest.size() == 2 && "down".equals(first) && "GET".equals(method)) {
            Map<String, String> query = query(request.query());
            return Answer.json(200, CloudFeeds.page(connection, store.epoch(), site, rest.get(1),
                    query.getOrDefault("after", ""), limit(query.get("limit")), clock.instant()));
        }
        if (rest.size() >= 2 && "batches".equals(first)) {
            return batch(connection, site, rest, request);
        }
        throw new CloudException(404, SyncErrors.NOT_FOUND, "No sync endpoint answers " + method + " "
                + request.path() + ".");
    }

    private Answer batch(Connection connection, String site, List<String> rest, Request request)
            throws SQLException {
        BatchId id = CloudBatches.id(rest.get(1));
        String method = request.method();
        if (rest.size() == 2 && "GET".equals(method)) {
            return Answer.json(200, CloudBatches.status(connection, site, id));
        }
        if (rest.size() == 2 && "PUT".equals(method)) {
            Map<String, String> query = query(request.query());
            long offset = number(query.get("offset"), "offset");
            long size = number(request.headers().getFirst(SyncHeaders.BATCH_SIZE), SyncHeaders.BATCH_SIZE);
            String sha = request.headers().getFirst(SyncHeaders.BATCH_SHA256);
            long received = CloudBatches.put(connection, site, id, offset, size, sha == null ? null : sha.strip(),
                    request.body());
            boolean commit = "true".equals(request.headers().getFirst(SyncHeaders.COMMIT));
            return Answer.json(200, new UploadAnswer(received, commit && received == size
                    ? commitInline(connection, site, id) : null));
        }
        if (rest.size() == 3 && "commit".equals(rest.get(2)) && "POST".equals(method)) {
            return Answer.json(200, CloudBatches.commit(connection, site, id));
        }
        throw new CloudException(404, SyncErrors.NOT_FOUND, "No sync endpoint answers " + method + " "
                + request.path() + ".");
    }

    /**
     * Commits a batch whose last bytes just arrived, in the PUT's transaction; when the commit fails the PUT still
     * keeps its bytes and answers no commit, and the console's own commit hears why.
     */
    private static CommitAnswer commitInline(Connection connection, String site, BatchId id) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            return CloudBatches.commit(connection, site, id);
        } catch (CloudException e) {
            connection.rollback(before);
            return null;
        }
    }

    private HandshakeAnswer handshake(Connection connection, String site, byte[] body) throws SQLException {
        HandshakeRequest request;
        try {
            request = SyncJson.read(body, HandshakeRequest.class);
        } catch (IllegalArgumentException e) {
            throw new CloudException(400, SyncErrors.BAD_REQUEST, "The handshake's body is not a handshake ("
                    + e.getMessage() + ").");
        }
        Map<String, Long> watermarks = new LinkedHashMap<>();
        for (String stream : SyncStreams.UP) {
            watermarks.put(stream, CloudItems.watermark(connection, site, stream));
        }
        long consoleSeq = request.ledger() == null ? 0 : Math.max(0, request.ledger().lastSeq());
        long seq = Math.min(consoleSeq, watermarks.get(SyncStreams.LEDGER));
        String hash = seq == 0 ? null : CloudLedger.hashAt(connection, site, seq);
        Map<String, Boolean> down = new HashMap<>();
        for (Map.Entry<String, String> cursor : request.down().entrySet()) {
            if (SyncStreams.DOWN.contains(cursor.getKey())) {
                down.put(cursor.getKey(), CloudFeeds.hasAfter(connection, store.epoch(), site, cursor.getKey(),
                        cursor.getValue()));
            }
        }
        return new HandshakeAnswer(SyncHeaders.API_VERSION, store.epoch(), clock.instant(), watermarks,
                new HandshakeAnswer.LedgerAt(seq, hash), down);
    }

    private void forgetCorrupt(String site, List<String> rest, CloudException e) {
        if (SyncErrors.BATCH_CORRUPT.equals(e.error().error()) && rest.size() == 3 && "batches".equals(rest.get(0))) {
            BatchId id = CloudBatches.id(rest.get(1));
            store.transaction(connection -> {
                CloudBatches.forget(connection, site, id);
                return null;
            });
        }
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value,
                    StandardCharsets.UTF_8));
        }
        return values;
    }

    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return CloudFeeds.MAX_LIMIT;
        }
        long limit = number(text, "limit");
        if (limit < 1 || limit > CloudFeeds.MAX_LIMIT) {
            throw new CloudException(400, SyncErrors.BAD_REQUEST, "limit is 1 to " + CloudFeeds.MAX_LIMIT
                    + ", was " + limit + ".");
        }
        return (int) limit;
    }

    private static long number(String text, String name) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new CloudException(400, SyncErrors.BAD_REQUEST, name + " is a whole number, was '" + text + "'.");
        }
    }

    /** The clock the cloud reads. */
    Instant now() {
        return clock.instant();
    }
}
