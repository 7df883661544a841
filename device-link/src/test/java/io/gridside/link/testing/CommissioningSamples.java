package io.gridside.link.testing;

import io.gridside.link.auth.CommissioningPack;
import io.gridside.link.auth.SignedCommissioningPack;
import io.gridside.link.message.CommissionMeter;
import io.gridside.link.message.CommissioningState;
import io.gridside.link.message.GetCommissioning;
import io.gridside.link.message.GetJoinedMeters;
import io.gridside.link.message.GoLive;
import io.gridside.link.message.JoinedMetersBatch;
import io.gridside.link.message.Message;
import io.gridside.link.message.MeterCommissioned;
import io.gridside.link.message.RelayTested;
import io.gridside.link.message.SetUpSite;
import io.gridside.link.message.SiteSetUp;
import io.gridside.link.message.TestRelay;
import io.gridside.link.message.WentLive;
import io.gridside.site.CustomerCategory;
import io.gridside.site.RelayState;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.SitePlan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The commissioning pack and messages of the protocol document's sections 11.26 to 11.28. */
public final class CommissioningSamples {

    public static final Instant ISSUED_AT = Instant.parse("2024-04-28T07:00:00Z");
    public static final String METER_SERIAL = "SM004200017";

    private CommissioningSamples() {
    }

    /** The test operator's pack for the sample site: its one technician's credential and no tariff file. */
    public static SignedCommissioningPack pack() {
        return TestCredentials.OPERATOR.sign(new CommissioningPack(SampleMessages.SITE_ID,
                TestCredentials.OPERATOR.keyId(), TestCredentials.OPERATOR.publicKey().publicKey(), ISSUED_AT,
                ISSUED_AT.plus(Duration.ofDays(14)), List.of(), List.of(TestCredentials.technician())));
    }

    /** One sample of each commissioning message of protocol sections 6.30 and 6.31. */
    public static List<Message> all() {
        SignedCommissioningPack pack = pack();
        SitePlan plan = new SitePlan(SampleMessages.SITE_ID, "Kisima", "Kisima Power", "KES",
                ZoneId.of("Africa/Nairobi"), List.of(LocalDate.of(2024, 6, 1)), -0.3031, 36.0812);
        return List.of(new SetUpSite(plan, SampleMessages.CLOCK, pack.signed(), pack.signature()),
                new SiteSetUp(SampleMessages.SITE_ID, SampleMessages.GATEWAY_ID, TestCredentials.OPERATOR.keyId(),
                        List.of("flat-2024"), List.of(TestCredentials.TECHNICIAN_ID), Instant.EPOCH,
                        SampleMessages.CLOCK, false),
                new GetJoinedMeters(SampleMessages.CLOCK.minusSeconds(3600)), joinedMetersBatch(),
                commissionMeter(), meterCommissioned(), new TestRelay(METER_SERIAL),
                new RelayTested(METER_SERIAL, RelayState.ON, RelayState.ON, false, "The relay stuck closed.",
                        SampleMessages.CLOCK),
                new GoLive(), new WentLive(SampleMessages.CLOCK, 40, 2, false), new GetCommissioning(),
                new CommissioningState(false, SampleMessages.SITE_ID, TestCredentials.OPERATOR.keyId(), true, 42,
                        List.of("C-0017"), null));
    }

    public static JoinedMetersBatch joinedMetersBatch() {
        return new JoinedMetersBatch(List.of(new JoinedMeter(METER_SERIAL, "mtr-r2", 1, "mtr-3.1.0", -0.3031,
                36.0812, -78, -81, 1.5, 2, 3, SampleMessages.CLOCK.minusSeconds(600))), 1);
    }

    public static CommissionMeter commissionMeter() {
        return new CommissionMeter(METER_SERIAL, "C-0017", "Amina Wanjiru", CustomerCategory.HOUSEHOLD, "flat-2024",
                25_000);
    }

    public static MeterCommissioned meterCommissioned() {
        return new MeterCommissioned("C-0017", METER_SERIAL, "M00017", "flat-2024", 25_000, "KES",
                SampleMessages.CLOCK, false);
    }
}
