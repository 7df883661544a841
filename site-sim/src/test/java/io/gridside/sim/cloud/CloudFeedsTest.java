package io.gridside.sim.cloud;

import static io.gridside.sim.cloud.CloudClient.NOW;
import static io.gridside.sim.cloud.CloudClient.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.SiteGenerator;
import io.gridside.sim.SiteLayout;
import io.gridside.sim.SiteSpec;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.sync.api.ApiError;
import io.gridside.site.sync.api.DownCursor;
import io.gridside.site.sync.api.DownItems;
import io.gridside.site.sync.api.DownPage;
import io.gridside.site.sync.api.HandshakeAnswer;
import io.gridside.site.sync.api.SyncErrors;
import io.gridside.site.sync.api.SyncJson;
import io.gridside.site.sync.api.UpItems;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Down streams in pages after cursors of the cloud's epoch, the bounded snapshot, and restores. */
@Timeout(60)
class CloudFeedsTest {

    @TempDir
    Path dir;

    private CloudServer cloud;
    private CloudClient client;

    @BeforeEach
    void start() {
        cloud = CloudServer.builder(dir).clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
        client = new CloudClient(cloud);
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void pagesFollowTheCursorUntilNoMore() throws IOException {
        for (int i = 1; i <= 5; i++) {
            cloud.publishTopUp(SITE, topUp("MM-" + i, Duration.ofHours(i)));
        }

        DownPage first = page("topups", "", 2);
        DownPage second = page("topups", first.cursor(), 2);
        DownPage third = page("topups", second.cursor(), 2);
        DownPage empty = page("topups", third.cursor(), 2);

        assertThat(first.more()).isTrue();
        assertThat(first.cursor()).isEqualTo(cloud.epoch() + ":2");
        assertThat(references(first, second, third)).containsExactly("MM-1", "MM-2", "MM-3", "MM-4", "MM-5");
        assertThat(third.more()).isFalse();
        assertThat(empty.items()).isEmpty();
        assertThat(empty.cursor()).isEqualTo(third.cursor());
    }

    @Test
    void emptyCursorGivesTheLatestOfEachKeyAndRecentTopUpsOnly() throws IOException {
        cloud.publishTopUp(SITE, topUp("MM-OLD", Duration.ofDays(120)));
        cloud.publishTopUp(SITE, topUp("MM-NEW", Duration.ofDays(3)));
        cloud.publishCustomerField(SITE, new DownItems.CustomerField("C-1", "phone", "+1", "1780000000000-00000-c"));
        cloud.publishCustomerField(SITE, new DownItems.CustomerField("C-1", "phone", "+2", "1780000000001-00000-c"));
        cloud.publishCustomerField(SITE, new DownItems.CustomerField("C-2", "name", "Juma", "1780000000000-00000-c"));

        DownPage topUps = page("topups", "", 500);
        DownPage customers = page("customers", "", 500);

        assertThat(references(topUps)).containsExactly("MM-NEW");
        assertThat(customers.items()).extracting(item -> item.get("value")).containsExactly("+2", "Juma");
        assertThat(customers.cursor()).isEqualTo(cloud.epoch() + ":3");
    }

    @Test
    void cursorOfAnEarlierEpochIsUnknownAfterARestore() throws IOException {
        cloud.publishTariff(SITE, new DownItems.Tariff("v1", LocalDate.of(2026, 7, 1), Map.of("currency", "KES")));
        cloud.backup();
        cloud.publishTariff(SITE, new DownItems.Tariff("v2", LocalDate.of(2026, 8, 1), Map.of("currency", "KES")));
        DownPage before = page("tariffs", "", 500);
        String oldEpoch = cloud.epoch();

        cloud.restoreLatestBackup();
        CloudClient.Reply stale = client.get("/down/tariffs?after=" + before.cursor());
        DownPage again = page("tariffs", "", 500);

        assertThat(cloud.epoch()).isNotEqualTo(oldEpoch);
        assertThat(stale.status()).isEqualTo(410);
        assertThat(stale.as(ApiError.class).error()).isEqualTo(SyncErrors.CURSOR_UNKNOWN);
        assertThat(again.items()).extracting(item -> item.get("versionId")).containsExactly("v1");
        assertThat(DownCursor.parse(again.cursor()).epoch()).isEqualTo(cloud.epoch());
    }

    @Test
    void cursorBeyondTheStreamIsUnknown() throws IOException {
        cloud.publishFirmware(SITE, new DownItems.Firmware("mtr-3.3.0", "METER", List.of("mtr-r2"), 7, "notes",
                NOW));

        CloudClient.Reply beyond = client.get("/down/firmware?after=" + cloud.epoch() + ":9");
        CloudClient.Reply garbled = client.get("/down/firmware?after=nonsense");
        CloudClient.Reply unknownStream = client.get("/down/weather?after=");

        assertThat(beyond.status()).isEqualTo(410);
        assertThat(garbled.status()).isEqualTo(410);
        assertThat(unknownStream.status()).isEqualTo(404);
    }

    @Test
    void handshakeTellsWhichDownStreamsHaveNewItems() throws IOException {
        cloud.publishTariff(SITE, new DownItems.Tariff("v1", LocalDate.of(2026, 7, 1), Map.of()));
        String atTariff = page("tariffs", "", 500).cursor();
        String atNothing = page("topups", "", 500).cursor();
        cloud.publishTopUp(SITE, topUp("MM-1", Duration.ofHours(1)));

        HandshakeAnswer answer = client.handshake(0, null, Map.of("tariffs", atTariff, "topups", atNothing,
                "firmware", "old-epoch:4")).as(HandshakeAnswer.class);

        assertThat(answer.down()).containsExactlyInAnyOrderEntriesOf(Map.of("tariffs", false, "topups", true,
                "firmware", true));
    }

    @Test
    void credentialsStreamCarriesCredentialsAndRevocations() throws IOException {
        cloud.publishCredential(SITE, CloudClient.credential("tech-2", SITE));
        cloud.publishRevocations(SITE, ByteString.fromHex("a1"),
                ByteString.fromHex("b2"), List.of("tech-9"), List.of());

        DownPage page = page("credentials", "", 500);

        assertThat(page.items()).extracting(item -> SyncJson.item(item, DownItems.Credential.class).kind())
                .containsExactly("credential", "revocations");
        assertThat(page.items().get(0)).containsEntry("technicianId", "tech-2");
    }

    @Test
    void demoCloudIsSeededOnceWithItsDownItems() throws IOException {
        cloud.close();
        SiteLayout layout = SiteGenerator.generate(new SiteSpec(6, 3, 1, NOW));
        String site = layout.site().siteId();
        cloud = CloudServer.startDemo(dir.resolve("demo"), layout);
        cloud.close();
        cloud = CloudServer.startDemo(dir.resolve("demo"), layout);

        assertThat(cloud.published(site, "tariffs")).hasSize(1);
        assertThat(cloud.published(site, "customers")).hasSize(1);
        assertThat(cloud.published(site, "topups")).hasSize(2);
        assertThat(cloud.published(site, "firmware")).hasSize(1);
        assertThat(cloud.published(site, "credentials")).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("kind", "revocations"));
    }

    @Test
    void upItemsSurviveARestoreOnlyUpToTheBackup() throws IOException {
        client.uploaded(CloudClient.batch("events", 1, 2, List.of(CloudUploadTest.event(1, 11),
                CloudUploadTest.event(2, 12))));
        cloud.backup();
        client.uploaded(CloudClient.batch("events", 3, 4, List.of(CloudUploadTest.event(3, 13),
                CloudUploadTest.event(4, 14))));

        cloud.restoreLatestBackup();
        HandshakeAnswer answer = client.handshake();

        assertThat(answer.watermarks()).containsEntry("events", 2L);
        assertThat(cloud.events(SITE)).extracting(UpItems.Event::id).containsExactly(11L, 12L);
        assertThat(client.uploaded(CloudClient.batch("events", 3, 4, List.of(CloudUploadTest.event(3, 13),
                CloudUploadTest.event(4, 14)))).watermark()).isEqualTo(4);
    }

    private DownPage page(String stream, String after, int limit) throws IOException {
        CloudClient.Reply reply = client.get("/down/" + stream + "?after=" + after + "&limit=" + limit);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.as(DownPage.class);
    }

    private static DownItems.TopUp topUp(String reference, Duration ago) {
        return new DownItems.TopUp(reference, "C-1", 1_000, "KES", NOW.minus(ago), DownItems.MOBILE_MONEY);
    }

    private static List<String> references(DownPage... pages) {
        return Arrays.stream(pages).flatMap(page -> page.items().stream())
                .map(item -> String.valueOf(item.get("reference"))).toList();
    }
}
