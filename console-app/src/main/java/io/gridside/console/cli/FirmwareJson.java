package io.gridside.console.cli;

import io.gridside.link.message.FirmwareState;
import io.gridside.site.firmware.CampaignPlan;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.MeterUpdateStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The firmware commands' JSON output; the field names are a contract with scripts. */
final class FirmwareJson {

    private FirmwareJson() {
    }

    /** How an install ended, with the health checks of its trial boot. */
    record OutcomeJson(String version, boolean confirmed, String reason, Instant at, List<CheckJson> checks) {

        static OutcomeJson of(FirmwareState.Outcome outcome) {
            return outcome == null ? null : new OutcomeJson(outcome.version(), outcome.confirmed(), outcome.reason(),
                    outcome.at(), outcome.checks().stream().map(check -> new CheckJson(check.name(), check.passed(),
                            check.detail())).toList());
        }
    }

    /** One check, of an image or of a trial boot. */
    record CheckJson(String name, boolean passed, String detail) {
    }

    /**
     * One wave of a plan: its meters' hop range (-1 when none has a route), how many have no route, and how many
     * of each hardware revision it holds.
     */
    record PlanWaveJson(int number, int size, int minHops, int maxHops, int unrouted, Map<String, Long> hardware,
            List<String> meters) {
    }

    /** A campaign's plan: the policy it is made by, its waves, the canary first, and the meters left out, with why. */
    record PlanJson(CampaignPolicy policy, List<PlanWaveJson> waves, Map<String, String> excluded) {

        static PlanJson of(CampaignPlan plan, List<FleetMeter> fleet, CampaignPolicy policy) {
            Map<String, FleetMeter> byId = fleet.stream().collect(Collectors.toMap(FleetMeter::meterId,
                    Function.identity(), (a, b) -> a));
            List<PlanWaveJson> waves = new java.util.ArrayList<>();
            for (int number = 0; number < plan.waves().size(); number++) {
                List<String> ids = plan.waves().get(number);
                List<FleetMeter> meters = ids.stream().map(byId::get).toList();
                List<FleetMeter> routed = meters.stream().filter(FleetMeter::reachable).toList();
                waves.add(new PlanWaveJson(number, ids.size(),
                        routed.stream().mapToInt(FleetMeter::hops).min().orElse(-1),
                        routed.stream().mapToInt(FleetMeter::hops).max().orElse(-1), meters.size() - routed.size(),
                        new TreeMap<>(meters.stream().collect(Collectors.groupingBy(FleetMeter::hardwareId,
                                Collectors.counting()))), ids));
            }
            return new PlanJson(policy, waves, plan.excluded());
        }
    }

    /** One wave of a campaign, with how many of its meters stand at each status (lower-case names). */
    record CampaignWaveJson(int number, String status, int size, Instant soakUntil, Map<String, Integer> counts) {
    }

    /** A campaign as the gateway last told it. */
    record CampaignJson(String campaignId, String version, String imageSha256, String status, String reason,
            Instant started, Instant updated, CampaignPolicy policy, Map<String, Integer> counts,
            List<CampaignWaveJson> waves, List<MeterJson> meters) {

        static CampaignJson of(CampaignState state) {
            if (state == null) {
                return null;
            }
            return new CampaignJson(state.campaignId(), state.version(), state.imageSha256().hex(),
                    lower(state.status()), state.reason(), state.started(), state.updated(), state.policy(),
                    named(state.counts()), state.waves().stream().map(wave -> new CampaignWaveJson(wave.number(),
                            lower(wave.status()), wave.size(), wave.soakUntil(), named(state.countsOf(wave.number()))))
                            .toList(), state.meters().stream().map(MeterJson::of).toList());
        }
    }

    /** One meter of a campaign, its status in lower case as the counts name it. */
    record MeterJson(String meterId, int wave, String status, int attempts, String reason, String version) {

        static MeterJson of(CampaignState.MeterUpdate meter) {
            return new MeterJson(meter.meterId(), meter.wave(), lower(meter.status()), meter.attempts(),
                    meter.reason(), meter.version());
        }
    }

    /** A refusal or failure, as {@code firmware verify --json} gives one: its code and its sentence. */
    record ErrorJson(boolean ok, String refusal, String message) {

        /** The code and the message without the code the link appends in brackets. */
        static ErrorJson of(String code, String message) {
            String suffix = " (" + code + ")";
            String text = message != null && message.endsWith(suffix)
                    ? message.substring(0, message.length() - suffix.length()) : message;
            return new ErrorJson(false, code, text);
        }
    }

    /** An image the gateway holds or is receiving. */
    record StagedJson(String product, String version, String imageSha256, int chunkCount, int held,
            boolean complete) {

        static StagedJson of(FirmwareState.Staged staged) {
            return new StagedJson(lower(staged.product()), staged.version(), staged.imageSha256().hex(),
                    staged.chunkCount(), staged.held(), staged.complete());
        }
    }

    /** What firmware the gateway runs and holds, its last install, and its current or last campaign. */
    record StatusJson(String hardwareId, FirmwareState.Slot running, FirmwareState.Slot other,
            OutcomeJson lastUpdate, List<StagedJson> staged, CampaignJson campaign) {

        static StatusJson of(FirmwareState state, CampaignState campaign) {
            return new StatusJson(state.hardwareId(), state.running(), state.other(),
                    OutcomeJson.of(state.lastUpdate()), state.staged().stream().map(StagedJson::of).toList(),
                    CampaignJson.of(campaign));
        }
    }

    /**
     * What a push did: for the gateway, its install's outcome; for meters, the plan and the campaign started (null
     * for a plan only, which sends nothing: then chunkCount is the image's, and alreadyHeld and sent are 0).
     * {@code ending} is installed, already_running or by_another_session for the gateway, plan or started for
     * meters; {@code message} says it for a person when the push installed nothing itself, or null.
     */
    record PushJson(String target, String version, String imageSha256, int chunkCount, int alreadyHeld, int sent,
            OutcomeJson outcome, PlanJson plan, CampaignJson campaign, String ending, String message) {
    }

    private static Map<String, Integer> named(Map<MeterUpdateStatus, Integer> counts) {
        Map<String, Integer> named = new LinkedHashMap<>();
        counts.forEach((status, count) -> named.put(lower(status), count));
        return named;
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
