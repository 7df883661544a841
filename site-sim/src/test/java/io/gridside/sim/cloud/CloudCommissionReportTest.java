package io.gridside.sim.cloud;

import static io.gridside.sim.cloud.CloudClient.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.SigningKey;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.commission.CommissionReport;
import io.gridside.site.commission.SignedReport;
import io.gridside.site.sync.api.CommitAnswer;
import io.gridside.site.sync.api.SyncErrors;
import io.gridside.site.sync.api.UpItems;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A signed commissioning report on the events stream: kept by its id when its signature holds, else rejected. */
@Timeout(60)
class CloudCommissionReportTest {

    @TempDir
    Path dir;

    private CloudServer cloud;
    private CloudClient client;
    private final SigningKey technician = SigningKey.generate();

    @BeforeEach
    void start() {
        cloud = CloudServer.builder(dir).clock(Clock.fixed(CloudClient.NOW, ZoneOffset.UTC)).start();
        client = new CloudClient(cloud);
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void keepsASignedReportBesideTheEventsAndOnceOnly() throws IOException {
        UpItems.CommissionReport report = item(2, SITE, false);

        CommitAnswer answer = client.uploaded(CloudClient.batch("events", 1, 3,
                List.of(CloudUploadTest.event(1, 101), report, item(3, SITE, false))));

        assertThat(answer.watermark()).isEqualTo(3);
        assertThat(answer.rejected()).isEmpty();
        assertThat(cloud.events(SITE)).extracting(UpItems.Event::id).containsExactly(101L);
        assertThat(cloud.commissionReports(SITE)).extracting(UpItems.CommissionReport::reportId)
                .containsExactly(report.reportId());
    }

    @Test
    void rejectsAReportWhoseSignatureDoesNotHoldOrOfAnotherSite() throws IOException {
        CommitAnswer answer = client.uploaded(CloudClient.batch("events", 1, 2,
                List.of(item(1, SITE, true), item(2, "another-site", false))));

        assertThat(answer.watermark()).isEqualTo(2);
        assertThat(answer.rejected()).extracting(CommitAnswer.Rejected::seq, CommitAnswer.Rejected::error)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, SyncErrors.ITEM_INVALID),
                        org.assertj.core.groups.Tuple.tuple(2L, SyncErrors.ITEM_INVALID));
        assertThat(answer.rejected().get(0).message()).contains("signature");
        assertThat(cloud.commissionReports(SITE)).isEmpty();
    }

    private UpItems.CommissionReport item(long seq, String site, boolean tampered) {
        CommissionReport report = new CommissionReport(site, "Test site", "Test operator", "KES", "GW-1", "tech-1",
                CloudClient.NOW, List.of(), List.of("GS000000018"), null);
        byte[] signed = report.encode();
        ByteString signature = technician.sign(signed);
        if (tampered) {
            signed[signed.length - 1] ^= 1;
        }
        return new UpItems.CommissionReport(seq, UpItems.COMMISSION_REPORT, SignedReport.idOf(signed), site,
                "tech-1", technician.publicKey().base64(), ByteString.of(signed).base64(), signature.base64(),
                CloudClient.NOW);
    }
}
