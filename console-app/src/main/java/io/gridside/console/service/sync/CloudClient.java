package io.gridside.console.service.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.site.sync.api.BatchId;
import io.gridside.site.sync.api.BatchStatus;
import io.gridside.site.sync.api.CommitAnswer;
import io.gridside.site.sync.api.DownPage;
import io.gridside.site.sync.api.HandshakeAnswer;
import io.gridside.site.sync.api.HandshakeRequest;
import io.gridside.site.sync.api.LedgerDays;
import io.gridside.site.sync.api.SyncErrors;
import io.gridside.site.sync.api.SyncHeaders;
import io.gridside.site.sync.api.SyncJson;
import io.gridside.site.sync.api.UploadAnswer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's side of the cloud's HTTPS API ({@code docs/sync.md}): one method per request, each carrying the
 * site, schema, laptop and credential headers and, for a POST or PUT, an idempotency key; every failure comes out as
 * a {@link CloudException} that says what the sync does about it. The cloud is trusted by its pin alone.
 */
public final class CloudClient {

    private static final Logger LOG = LoggerFactory.getLogger(CloudClient.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final String JSON = "application/json";

    private final URI base;
    private final Identity identity;
    private final HttpClient http;
    private final ObjectMapper mapper;

    /**
     * Who is asking: the site, the store's schema version, this laptop and the technician's credential.
     *
     * @param credentialSigned the credential's signed CBOR bytes
     * @param credentialSignature the operator's signature of them
     */
    public record Identity(String siteId, int schema, String laptopId, byte[] credentialSigned,
            byte[] credentialSignature) {

        /** The credential header's value: {@code base64url(signed) "." base64url(signature)}. */
        String credentialHeader() {
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            return encoder.encodeToString(credentialSigned) + "." + encoder.encodeToString(credentialSignature);
        }
    }

    /** A client of the cloud at {@code url} (its root, before {@code /v1}), trusting it by {@code pin}. */
    public CloudClient(URI url, CloudPin pin, Identity identity) {
        String text = url.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        if (!"https".equalsIgnoreCase(base.getScheme())) {
            throw new IllegalArgumentException("The cloud address " + url + " is not https://...: the console "
                    + "syncs only over TLS.");
        }
        this.identity = identity;
        this.mapper = SyncJson.mapper();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .sslContext(pin.sslContext())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Identity identity() {
        return identity;
    }

    /** The cloud's root address, as the technician gave it. */
    public URI url() {
        return base;
    }

    /** Tells the cloud what this console holds; {@code key} makes a repeat of the same handshake harmless. */
    public HandshakeAnswer handshake(HandshakeRequest request, String key) throws CloudException {
        return post(sitePath("handshake"), key, request, HandshakeAnswer.class);
    }

    /** The cloud's ledger per UTC day. */
    public LedgerDays ledgerDays() throws CloudException {
        return get(sitePath("ledger/days"), LedgerDays.class);
    }

    /** Where the upload of batch {@code id} stands; nothing received for a batch the cloud never heard of. */
    public BatchStatus batch(BatchId id) throws CloudException {
        try {
            return get(sitePath("batches/" + id), BatchStatus.class);
        } catch (CloudException e) {
            if (e.status() == 404) {
                return new BatchStatus(0, 0, false);
            }
            throw e;
        }
    }

    /**
     * Sends the bytes of batch {@code id} from {@code offset}; a chunk the cloud already holds is answered as held.
     *
     * @param size the batch's whole compressed size
     * @param sha256 the hex SHA-256 of the batch's whole compressed bytes
     * @param commit whether the cloud is to commit the batch in the same request when this chunk completes it
     */
    public UploadAnswer putChunk(BatchId id, long offset, byte[] chunk, long size, String sha256, boolean commit)
            throws CloudException {
        return put(sitePath("batches/" + id + "?offset=" + offset), id + ":" + offset, chunk, UploadAnswer.class,
                SyncHeaders.BATCH_SIZE, Long.toString(size), SyncHeaders.BATCH_SHA256, sha256, SyncHeaders.COMMIT,
                Boolean.toString(commit));
    }

    /** Asks the cloud to apply batch {@code id}, whose bytes it holds whole. */
    public CommitAnswer commit(BatchId id) throws CloudException {
        return post(sitePath("batches/" + id + "/commit"), id.toString(), Map.of(), CommitAnswer.class);
    }

    /** A page of down stream {@code stream} after {@code after} (empty: from the start). */
    public DownPage down(String stream, String after, int limit) throws CloudException {
        return get(sitePath("down/" + stream + "?after=" + encode(after) + "&limit=" + limit), DownPage.class);
    }

    /** Sends a JSON body by POST under {@code key} and reads the answer as {@code type}. */
    private <T> T post(String path, String key, Object body, Class<T> type) throws CloudException {
        HttpRequest request = request(path).header("Content-Type", SyncJson.CONTENT_TYPE)
                .header(SyncHeaders.IDEMPOTENCY_KEY, key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(body))).build();
        return read(send(request), type);
    }

    /** Reads {@code path} by GET as {@code type}. */
    private <T> T get(String path, Class<T> type) throws CloudException {
        return read(send(request(path).GET().build()), type);
    }

    /** Sends bytes by PUT under {@code key}, with {@code headers} (name, value, name, value...). */
    private <T> T put(String path, String key, byte[] body, Class<T> type, String... headers) throws CloudException {
        HttpRequest.Builder builder = request(path).header("Content-Type", SyncJson.OCTET_STREAM)
                .header(SyncHeaders.IDEMPOTENCY_KEY, key);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return read(send(builder.PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build()), type);
    }

    /** The path of {@code tail} under this site: {@code /v1/sites/<site>/<tail>}. */
    private String sitePath(String tail) {
        return "/v1/sites/" + encode(identity.siteId()) + "/" + tail;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(ANSWER_TIMEOUT)
                .header("Accept", JSON)
                .header(SyncHeaders.SITE, identity.siteId())
                .header(SyncHeaders.SCHEMA, Integer.toString(identity.schema()))
                .header(SyncHeaders.LAPTOP, identity.laptopId())
                .header(SyncHeaders.CREDENTIAL, identity.credentialHeader());
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("A sync request could not be written as JSON.", e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws CloudException {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            LOG.debug("> {} {} < {}", request.method(), request.uri().getPath(), response.statusCode());
            return response;
        } catch (SSLHandshakeException e) {
            Optional<CloudPin.PinMismatchException> mismatch = pinMismatch(e);
            if (mismatch.isPresent()) {
                throw CloudException.sessionRefused("pin_mismatch", mismatch.get().getMessage(), e);
            }
            throw CloudException.sessionRefused("tls_refused", "The TLS handshake with the cloud at " + base
                    + " failed: " + e.getMessage() + ". Check the cloud address.", e);
        } catch (HttpTimeoutException e) {
            throw CloudException.retryable("timeout", "The cloud at " + base + " did not answer in time.", e);
        } catch (ConnectException e) {
            throw CloudException.retryable(CloudException.UNREACHABLE, "Nothing answered at " + base
                    + ": check the address, or the cloud or this laptop's network may be down. What the cloud "
                    + "acknowledged is kept; sync again later.", e);
        } catch (SSLException e) {
            throw CloudException.retryable("connection_lost", "The connection to the cloud broke: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CloudException.retryable("interrupted", "The request to the cloud was interrupted.",
                    new InterruptedIOException());
        } catch (IOException e) {
            throw CloudException.retryable("connection_lost", "The connection to the cloud at " + base
                    + " broke: " + e.getMessage(), e);
        }
    }

    private static Optional<CloudPin.PinMismatchException> pinMismatch(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CloudPin.PinMismatchException mismatch) {
                return Optional.of(mismatch);
            }
        }
        return Optional.empty();
    }

    private <T> T read(HttpResponse<byte[]> response, Class<T> type) throws CloudException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return mapper.readValue(response.body(), type);
            } catch (IOException e) {
                throw new CloudException(CloudException.Kind.REFUSED, status, "answer_unreadable", "The cloud's "
                        + "answer to " + response.uri().getPath() + " is not what the console expects: "
                        + e.getMessage(), null, -1, -1, e);
            }
        }
        throw failure(response);
    }

    private CloudException failure(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        JsonNode body = errorBody(response.body());
        String code = body.path("error").asText("http_" + status);
        String message = body.path("message").asText("The cloud answered " + status + " to "
                + response.request().method() + " " + response.uri().getPath() + ".");
        long watermark = body.path("watermark").asLong(-1);
        long received = body.path("received").asLong(-1);
        Duration retryAfter = response.headers().firstValue(SyncHeaders.RETRY_AFTER).map(CloudClient::seconds)
                .orElse(null);
        CloudException.Kind kind = kind(status, code);
        return new CloudException(kind, status, code, message, retryAfter, watermark, received, null);
    }

    static CloudException.Kind kind(int status, String code) {
        if (status == 408 || status == 429 || status >= 500) {
            return CloudException.Kind.RETRYABLE;
        }
        if (status == 409 && SyncErrors.GAP.equals(code)) {
            return CloudException.Kind.GAP;
        }
        if (status == 410) {
            return CloudException.Kind.CURSOR_UNKNOWN;
        }
        if (status == 401 || status == 403) {
            return CloudException.Kind.SESSION_REFUSED;
        }
        return CloudException.Kind.REFUSED;
    }

    private JsonNode errorBody(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node == null ? mapper.createObjectNode() : node;
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
