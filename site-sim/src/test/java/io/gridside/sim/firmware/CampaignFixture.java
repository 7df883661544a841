package io.gridside.sim.firmware;

import io.gridside.link.message.CampaignReply;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.StartCampaign;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.site.Reading;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.MeterUpdateStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/** A simulated gateway on a manual clock, a meter image built by hand, and the campaign's states tick by tick. */
final class CampaignFixture {

    static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    static final String VERSION = "mtr-3.3.0";
    static final String SUPERVISOR = "S-0001";

    final SimulatedGateway gateway;
    final SimClock.Manual clock;
    /** The campaign as it stood after each quarter hour the fixture ran, oldest first. */
    final List<CampaignState> states = new ArrayList<>();

    CampaignFixture(SimulatedGateway gateway, SimClock.Manual clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /** The meter image of the site's samples: version 3.3.0, counter 7, for the second and third revisions. */
    static FirmwareManifest meterImage() {
        ByteString hash = ByteString.of(new byte[32]);
        return new FirmwareManifest(FirmwareProduct.METER, List.of("mtr-r2", "mtr-r3"), VERSION, 7, 1024,
                ByteString.fromHex("11".repeat(32)), 512, Collections.nCopies(2, hash), "Test image.",
                Instant.parse("2026-05-01T00:00:00Z"));
    }

    MeterCampaigns campaigns() {
        return gateway.firmware().campaigns();
    }

    CampaignState start(String id, CampaignPolicy policy) {
        return campaigns().start(new StartCampaign(id, meterImage().imageSha256(), policy), meterImage(),
                SUPERVISOR).campaign();
    }

    CampaignState control(String id, ControlCampaign.Action action) {
        return campaigns().control(new ControlCampaign(id, action), SUPERVISOR).campaign();
    }

    CampaignState state(String id) {
        CampaignReply reply = campaigns().campaign(id);
        return reply.campaign();
    }

    /** Runs the site a quarter hour at a time until {@code done} holds of campaign {@code id}, at most {@code max}. */
    CampaignState runUntil(String id, Predicate<CampaignState> done, int max) {
        CampaignState state = state(id);
        for (int i = 0; i < max && !done.test(state); i++) {
            clock.advance(Reading.INTERVAL);
            gateway.advance();
            state = state(id);
            states.add(state);
        }
        return state;
    }

    /** Runs the site {@code intervals} quarter hours. */
    CampaignState run(String id, int intervals) {
        int[] left = {intervals};
        return runUntil(id, state -> left[0]-- <= 0, intervals);
    }

    FleetMeter fleetMeter(String meterId) {
        return gateway.firmware().fleet().stream().filter(meter -> meter.meterId().equals(meterId)).findFirst()
                .orElseThrow();
    }

    static List<String> meters(CampaignState state, MeterUpdateStatus status) {
        return state.meters().stream().filter(meter -> meter.status() == status)
                .map(CampaignState.MeterUpdate::meterId).toList();
    }
}
