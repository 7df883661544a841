package io.gridside.console.service.sync;

import io.gridside.link.auth.SignedRevocationList;
import io.gridside.site.SiteInfo;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.store.SiteStore;
import io.gridside.site.store.SyncRows;
import io.gridside.site.sync.CustomerField;
import io.gridside.site.sync.DownStream;
import io.gridside.site.sync.FirmwareRelease;
import io.gridside.site.sync.Hlc;
import io.gridside.site.sync.ReceivedCredential;
import io.gridside.site.sync.RemoteTopUp;
import io.gridside.site.sync.SignedRevocations;
import io.gridside.site.sync.TariffVersion;
import io.gridside.site.sync.api.DownItems;
import io.gridside.site.sync.api.DownPage;
import io.gridside.site.sync.api.SyncJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the down streams page by page from each one's cursor and applies each page in the store in one transaction
 * with the page's cursor, so that a page is applied whole or not at all. A cursor the cloud no longer knows (it was
 * restored, or the cursor is too old) leads to one bounded resync of that stream from its start, applied by natural
 * key so nothing counts twice.
 */
final class DownReader {

    /** Items asked per page. */
    static final int PAGE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(DownReader.class);
    /** More pages than this of one stream in one run means the cloud's cursor does not move: stop. */
    private static final int MAX_PAGES = 10_000;

    private final SiteStore store;
    private final SyncRows rows;
    private final CloudClient client;
    private final Attempts attempts;
    private final Clock clock;
    private final SyncRun run;

    DownReader(SiteStore store, CloudClient client, Attempts attempts, Clock clock, SyncRun run) {
        this.store = store;
        this.rows = store.sync();
        this.client = client;
        this.attempts = attempts;
        this.clock = clock;
        this.run = run;
    }

    /**
     * Reads {@code stream} to its end.
     *
     * @return whether it was read to its end; a refused page goes on the needs-attention list instead
     * @throws CloudException when the connection failed {@value Attempts#MAX} times, or the cloud refused the session
     */
    boolean read(DownStream stream) throws CloudException {
        String name = stream.wireName();
        String cursor = rows.cursor(stream).orElse("");
        boolean resynced = false;
        int applied = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            String after = cursor;
            DownPage answer;
            try {
                answer = attempts.run("Reading " + name, () -> client.down(name, after, PAGE));
            } catch (CloudException e) {
                if (e.kind() == CloudException.Kind.CURSOR_UNKNOWN && !resynced && !after.isEmpty()) {
                    LOG.info("The cloud no longer knows the {} cursor {}; reading the stream again from its start.",
                            name, after);
                    resynced = true;
                    run.resynced(name);
                    cursor = "";
                    continue;
                }
                if (e.kind() == CloudException.Kind.SESSION_REFUSED || e.status() == 0) {
                    throw e;
                }
                run.attention(rows.addAttention(name, "after " + after, e.code(), e.getMessage(), "The cloud "
                        + "refused this down stream; sync tries again at its next run. If it stays here, send the "
                        + "log to support.", clock.instant()), name + ": " + e.getMessage());
                return false;
            }
            try {
                applied += apply(stream, answer);
            } catch (IllegalArgumentException | NullPointerException e) {
                run.attention(rows.addAttention(name, "after " + after, "item_unreadable", e.getMessage(), "A page "
                        + "of this down stream holds an item the console cannot read; it waits there. Send the log "
                        + "to support.", clock.instant()), name + ": " + e.getMessage());
                return false;
            }
            run.progress(name, "applied " + applied + " items", applied);
            cursor = answer.cursor();
            if (!answer.more() || answer.items().isEmpty()) {
                return true;
            }
            attempts.checkCancel();
        }
        return false;
    }

    /** Applies one page with its cursor; returns how many items it held. */
    private int apply(DownStream stream, DownPage page) {
        List<Map<String, Object>> items = page.items();
        switch (stream) {
            case TARIFFS -> rows.applyTariffs(items.stream().map(this::tariff).toList(), page.cursor());
            case CUSTOMERS -> run.fieldsTaken(rows.applyCustomerFields(
                    items.stream().map(DownReader::field).toList(), clock.instant(), page.cursor()));
            case TOPUPS -> run.topUpsQueued(rows.applyRemoteTopUps(
                    items.stream().map(DownReader::topUp).toList(), clock.instant(), page.cursor()));
            case FIRMWARE -> rows.applyFirmwareReleases(items.stream().map(DownReader::release).toList(),
                    page.cursor());
            case CREDENTIALS -> applyCredentials(items, page.cursor());
            default -> throw new IllegalStateException("no down stream " + stream);
        }
        run.applied(stream.wireName(), items.size());
        return items.size();
    }

    private TariffVersion tariff(Map<String, Object> item) {
        DownItems.Tariff tariff = SyncJson.item(item, DownItems.Tariff.class);
        ZoneId zone = store.site().map(SiteInfo::zone).orElse(ZoneOffset.UTC);
        return new TariffVersion(tariff.versionId(), tariff.effectiveFrom().atStartOfDay(zone).toInstant(),
                new String(SyncJson.write(tariff.tariff()), StandardCharsets.UTF_8));
    }

    private static CustomerField field(Map<String, Object> item) {
        DownItems.CustomerField field = SyncJson.item(item, DownItems.CustomerField.class);
        return new CustomerField(field.customerId(), field.field(), field.value(), Hlc.parse(field.hlc()),
                CustomerField.CLOUD);
    }

    private static RemoteTopUp topUp(Map<String, Object> item) {
        DownItems.TopUp topUp = SyncJson.item(item, DownItems.TopUp.class);
        return new RemoteTopUp(topUp.reference(), topUp.customerId(), topUp.amountMinor(), topUp.currency(),
                topUp.paidAt(), topUp.channel());
    }

    private static FirmwareRelease release(Map<String, Object> item) {
        DownItems.Firmware release = SyncJson.item(item, DownItems.Firmware.class);
        return new FirmwareRelease(release.product(), release.version(), release.hardwareIds(),
                release.securityCounter(), release.notes(), release.publishedAt());
    }

    /**
     * Keeps the credentials and revocation lists of a page. The console does not check the operator's signature
     * of a list: every gateway does before it takes one, and refuses one that does not hold.
     */
    private void applyCredentials(List<Map<String, Object>> items, String cursor) {
        List<ReceivedCredential> credentials = new ArrayList<>();
        List<SignedRevocations> lists = new ArrayList<>();
        Base64.Decoder base64 = Base64.getDecoder();
        for (Map<String, Object> item : items) {
            DownItems.Credential credential = SyncJson.item(item, DownItems.Credential.class);
            byte[] signed = base64.decode(credential.signed());
            byte[] signature = base64.decode(credential.signature());
            if (DownItems.REVOCATIONS.equals(credential.kind())) {
                long serial = SignedRevocationList.of(ByteString.of(signed), ByteString.of(signature)).serial();
                lists.add(new SignedRevocations(serial, signed, signature));
            } else {
                credentials.add(new ReceivedCredential(credential.technicianId(), signed, signature));
            }
        }
        rows.applyCredentials(credentials, lists, clock.instant(), cursor);
    }
}
