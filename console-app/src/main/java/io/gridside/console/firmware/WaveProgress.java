package io.gridside.console.firmware;

import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.MeterUpdateStatus;
import io.gridside.site.firmware.WaveStatus;
import java.util.List;
import java.util.Map;

/**
 * One wave of a running campaign as its progress bar shows it: meters confirmed, in progress (being sent, installing,
 * unreachable or deferred for now), failed, and left (not reached yet, or never after an abort).
 */
public record WaveProgress(int wave, WaveStatus status, int size, int confirmed, int inProgress, int failed,
        int left) {

    public static List<WaveProgress> of(CampaignState state) {
        return state.waves().stream().map(wave -> of(wave, state.countsOf(wave.number()))).toList();
    }

    private static WaveProgress of(CampaignState.Wave wave, Map<MeterUpdateStatus, Integer> counts) {
        int inProgress = counts.get(MeterUpdateStatus.TRANSFERRING) + counts.get(MeterUpdateStatus.INSTALLING)
                + counts.get(MeterUpdateStatus.UNREACHABLE) + counts.get(MeterUpdateStatus.DEFERRED);
        int left = counts.get(MeterUpdateStatus.PENDING) + counts.get(MeterUpdateStatus.NOT_UPDATED);
        return new WaveProgress(wave.number(), wave.status(), wave.size(), counts.get(MeterUpdateStatus.CONFIRMED),
                inProgress, counts.get(MeterUpdateStatus.FAILED), left);
    }
}
