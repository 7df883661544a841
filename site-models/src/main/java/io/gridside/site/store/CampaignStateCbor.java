package io.gridside.site.store;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.GatewayInstall;
import io.gridside.site.firmware.MeterUpdateStatus;
import io.gridside.site.firmware.WaveStatus;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site store's encodings of a campaign's state and of an install's health checks, as deterministic CBOR maps
 * named field by field, so that a stored row reads back the same whatever version of the records wrote it.
 */
final class CampaignStateCbor {

    private CampaignStateCbor() {
    }

    static byte[] encode(CampaignState state) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("campaignId", state.campaignId());
        map.put("imageSha256", state.imageSha256());
        map.put("version", state.version());
        map.put("policy", policy(state.policy()));
        map.put("status", state.status().name());
        map.put("reason", state.reason());
        map.put("started", state.started().toString());
        map.put("updated", state.updated().toString());
        map.put("waves", state.waves().stream().map(CampaignStateCbor::wave).toList());
        map.put("meters", state.meters().stream().map(CampaignStateCbor::meter).toList());
        return DeterministicCbor.encode(map);
    }

    /**
     * Reads a state that {@link #encode} wrote.
     *
     * @throws SQLException when the stored bytes are not such a state, which only a damaged database holds
     */
    static CampaignState decode(byte[] cbor) throws SQLException {
        try {
            Map<?, ?> map = (Map<?, ?>) DeterministicCbor.decode(cbor);
            List<CampaignState.Wave> waves = new ArrayList<>();
            for (Object wave : (List<?>) map.get("waves")) {
                waves.add(wave((Map<?, ?>) wave));
            }
            List<CampaignState.MeterUpdate> meters = new ArrayList<>();
            for (Object meter : (List<?>) map.get("meters")) {
                meters.add(meter((Map<?, ?>) meter));
            }
            return new CampaignState(text(map, "campaignId"), (ByteString) map.get("imageSha256"),
                    text(map, "version"), policy((List<?>) map.get("policy")),
                    CampaignStatus.valueOf(text(map, "status")), text(map, "reason"), instant(map, "started"),
                    instant(map, "updated"), waves, meters);
        } catch (RuntimeException e) {
            // Any shape the encoder never writes: a missing field, a wrong type, a bad name or time.
            throw new SQLException("A stored campaign state does not decode: " + e.getMessage(), e);
        }
    }

    static byte[] encodeChecks(List<GatewayInstall.Check> checks) {
        List<Object> list = new ArrayList<>();
        for (GatewayInstall.Check check : checks) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", check.name());
            map.put("passed", check.passed());
            map.put("detail", check.detail());
            list.add(map);
        }
        return DeterministicCbor.encode(list);
    }

    static List<GatewayInstall.Check> decodeChecks(byte[] cbor) throws SQLException {
        try {
            List<GatewayInstall.Check> checks = new ArrayList<>();
            for (Object item : (List<?>) DeterministicCbor.decode(cbor)) {
                Map<?, ?> map = (Map<?, ?>) item;
                checks.add(new GatewayInstall.Check(text(map, "name"), (Boolean) map.get("passed"),
                        text(map, "detail")));
            }
            return checks;
        } catch (RuntimeException e) {
            throw new SQLException("A stored install's health checks do not decode: " + e.getMessage(), e);
        }
    }

    /** The policy as its eight numbers, in the order of the record's components. */
    private static List<Object> policy(CampaignPolicy policy) {
        return List.of(policy.canaryPerGroup(), policy.firstWaveSize(), policy.waveGrowth(),
                policy.confirmPerMille(), policy.pausePerMille(), policy.soakIntervals(), policy.attemptsPerMeter(),
                policy.concurrency());
    }

    private static CampaignPolicy policy(List<?> numbers) {
        int[] n = numbers.stream().mapToInt(value -> Math.toIntExact((Long) value)).toArray();
        return new CampaignPolicy(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
    }

    private static Map<String, Object> wave(CampaignState.Wave wave) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("number", wave.number());
        map.put("status", wave.status().name());
        map.put("size", wave.size());
        map.put("soakUntil", wave.soakUntil() == null ? null : wave.soakUntil().toString());
        return map;
    }

    private static CampaignState.Wave wave(Map<?, ?> map) {
        Object soakUntil = map.get("soakUntil");
        return new CampaignState.Wave(number(map, "number"), WaveStatus.valueOf(text(map, "status")),
                number(map, "size"), soakUntil == null ? null : Instant.parse((String) soakUntil));
    }

    private static Map<String, Object> meter(CampaignState.MeterUpdate meter) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("meterId", meter.meterId());
        map.put("wave", meter.wave());
        map.put("status", meter.status().name());
        map.put("attempts", meter.attempts());
        map.put("reason", meter.reason());
        map.put("version", meter.version());
        return map;
    }

    private static CampaignState.MeterUpdate meter(Map<?, ?> map) {
        return new CampaignState.MeterUpdate(text(map, "meterId"), number(map, "wave"),
                MeterUpdateStatus.valueOf(text(map, "status")), number(map, "attempts"), text(map, "reason"),
                text(map, "version"));
    }

    private static String text(Map<?, ?> map, String name) {
        return (String) map.get(name);
    }

    private static int number(Map<?, ?> map, String name) {
        return Math.toIntExact((Long) map.get(name));
    }

    private static Instant instant(Map<?, ?> map, String name) {
        return Instant.parse(text(map, name));
    }
}
