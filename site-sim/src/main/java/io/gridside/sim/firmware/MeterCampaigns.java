package io.gridside.sim.firmware;

import io.gridside.link.message.CampaignReply;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.StartCampaign;
import io.gridside.sim.firmware.CampaignRun.MeterRun;
import io.gridside.sim.firmware.CampaignRun.WaveRun;
import io.gridside.site.firmware.CampaignPlan;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.MeterUpdateStatus;
import io.gridside.site.firmware.WaveStatus;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meter campaigns the simulated gateway runs on its own, a quarter hour at a time ({@link #ticked}), by
 * {@link CampaignPlan#of} and the campaign's policy (see {@link CampaignTicks} for the rules). One campaign runs at a
 * time; a campaign that halted or was paused still counts as running until it is resumed to its end or aborted.
 *
 * <p>It keeps every campaign in a {@link CampaignStore} in the gateway's firmware directory, written at each quarter
 * hour that changed one and at each command, so a gateway restarted on the same directory goes on with a campaign
 * where it stood, and the meters it updated run their new version again. The gateway replays its history's quarter
 * hours when it restarts; those up to the last one kept here have moved the campaigns on already and are skipped.
 *
 * <p>KNOWN SHORTCOMING: a campaign follows meters by id, so a meter exchanged while its campaign runs is not
 * followed to its replacement: the old id never reads again and fails to rejoin.
 *
 * <p>Its methods are synchronized on it; the gateway calls them while it holds its own lock, and never the other way
 * round.
 */
public final class MeterCampaigns {

    private static final Logger LOG = LoggerFactory.getLogger(MeterCampaigns.class);

    private static final long QUARTER_HOUR_SECONDS = 15 * 60;

    private final FirmwareSite site;
    private final CampaignStore store;
    private final CampaignStore.Kept kept;

    /**
     * Opens the campaigns kept in {@code site}'s directory, and has each meter they updated run its new version.
     *
     * @throws java.io.UncheckedIOException when the kept campaigns cannot be read
     */
    public MeterCampaigns(FirmwareSite site) {
        this.site = site;
        this.store = new CampaignStore(site.directory());
        this.kept = store.load();
        kept.updated.forEach((meterId, running) -> site.meterRuns(meterId, running.version,
                running.securityCounter));
        if (!kept.campaigns.isEmpty()) {
            LOG.info("The simulated gateway resumes {} meter campaigns kept up to {}.", kept.campaigns.size(),
                    Instant.ofEpochSecond(kept.lastTickSecond));
        }
    }

    /**
     * Starts a campaign of {@code image}, which the gateway holds whole, or answers the one of the same id as it
     * stands (whatever image and policy the request names). The first wave starts at the next quarter hour.
     *
     * @param by the supervisor who asked, for the log
     * @throws IllegalStateException when another campaign is running, paused or halted
     */
    public synchronized CampaignReply start(StartCampaign request, FirmwareManifest image, String by) {
        CampaignRun same = find(request.campaignId());
        if (same != null) {
            return new CampaignReply(same.state());
        }
        CampaignRun open = kept.campaigns.stream().filter(run -> !run.status.finished()).findFirst().orElse(null);
        if (open != null) {
            throw new IllegalStateException("Campaign " + open.campaignId + " is " + open.status.name().toLowerCase()
                    + "; resume it to its end or abort it before starting another.");
        }
        var fleet = site.fleet();
        CampaignRun run = CampaignRun.planned(request.campaignId(), image, request.policy(),
                CampaignPlan.of(fleet, image, request.policy()), fleet, site.clock());
        if (run.waves.isEmpty()) {
            run.status = CampaignStatus.COMPLETED;
            run.reason = "No meter of the site needs " + image.version() + "; nothing to update.";
        }
        kept.campaigns.add(run);
        // The quarter hours before the start never move it on, in this run of the gateway or in a replay.
        kept.lastTickSecond = Math.max(kept.lastTickSecond, intervalStartOf(site.clock()));
        store.save(kept);
        LOG.info("Supervisor {} started campaign {} of {} over {} meters in {} waves.", by, run.campaignId,
                run.version, run.meters.size(), run.waves.size());
        return new CampaignReply(run.state());
    }

    /**
     * Pauses, resumes or aborts a campaign. Pausing stops new transfers; those under way end and their meters
     * reboot. Resuming a halted campaign accepts the failures it halted on: they no longer count against their
     * wave. Aborting leaves confirmed meters on the new image and every meter not yet rebooted on what it ran; a
     * meter rebooting then still confirms or fails. Asking for what the campaign already is changes nothing, and so
     * does pausing a campaign that halted itself.
     *
     * @throws IllegalArgumentException for a campaign the gateway does not know
     * @throws IllegalStateException for a campaign that completed, or was aborted, when asked to pause or resume
     */
    public synchronized CampaignReply control(ControlCampaign request, String by) {
        CampaignRun run = known(request.campaignId());
        ControlCampaign.Action action = request.action();
        if (run.status.finished()) {
            if (action == ControlCampaign.Action.ABORT && run.status == CampaignStatus.ABORTED) {
                return new CampaignReply(run.state());
            }
            throw new IllegalStateException("Campaign " + run.campaignId + " is " + run.status.name().toLowerCase()
                    + "; there is nothing left to " + action.name().toLowerCase() + ".");
        }
        CampaignStatus before = run.status;
        switch (action) {
            case PAUSE -> pause(run, by);
            case RESUME -> resume(run, by);
            case ABORT -> abort(run, by);
            default -> throw new IllegalArgumentException("Unknown action " + action + ".");
        }
        if (run.status != before) {
            run.updatedSecond = site.clock().getEpochSecond();
            store.save(kept);
        }
        return new CampaignReply(run.state());
    }

    private void pause(CampaignRun run, String by) {
        if (run.status == CampaignStatus.RUNNING) {
            run.status = CampaignStatus.PAUSED;
            run.reason = "Paused by " + by + ".";
            LOG.info("{} paused campaign {}.", by, run.campaignId);
        }
    }

    private void resume(CampaignRun run, String by) {
        if (run.status == CampaignStatus.RUNNING) {
            return;
        }
        for (WaveRun wave : run.waves) {
            if (wave.status == WaveStatus.FAILED) {
                wave.status = WaveStatus.UPDATING;
                wave.soakUntilSecond = 0;
                wave.waitedIntervals = 0;
                run.metersOf(wave.number).stream().filter(meter -> meter.is(MeterUpdateStatus.FAILED)
                        || meter.is(MeterUpdateStatus.CONFIRMED) && !meter.reason.isEmpty())
                        .forEach(meter -> meter.accepted = true);
            }
        }
        run.status = CampaignStatus.RUNNING;
        run.reason = "";
        LOG.info("{} resumed campaign {}.", by, run.campaignId);
    }

    private void abort(CampaignRun run, String by) {
        for (MeterRun meter : run.meters) {
            if (!meter.status.settled() && !meter.is(MeterUpdateStatus.INSTALLING)) {
                meter.status = MeterUpdateStatus.NOT_UPDATED;
                meter.reason = "the campaign was aborted before the meter took the image";
                meter.transferLeft = 0;
            }
        }
        for (WaveRun wave : run.waves) {
            if (wave.status != WaveStatus.PASSED && wave.status != WaveStatus.FAILED) {
                wave.status = WaveStatus.ABORTED;
                wave.soakUntilSecond = 0;
            }
        }
        run.status = CampaignStatus.ABORTED;
        var counts = run.state().counts();
        run.reason = "Aborted by " + by + ": " + counts.get(MeterUpdateStatus.CONFIRMED) + " meters keep "
                + run.version + ", " + counts.get(MeterUpdateStatus.NOT_UPDATED) + " keep what they ran.";
        LOG.info("{} aborted campaign {}.", by, run.campaignId);
    }

    /**
     * A campaign as it stands, or the running or last one for a null id.
     *
     * @throws IllegalArgumentException for a campaign the gateway does not know, or when it never ran one
     */
    public synchronized CampaignReply campaign(String campaignId) {
        if (campaignId != null) {
            return new CampaignReply(known(campaignId).state());
        }
        if (kept.campaigns.isEmpty()) {
            throw new IllegalArgumentException("The gateway has never run a meter campaign.");
        }
        return new CampaignReply(kept.campaigns.get(kept.campaigns.size() - 1).state());
    }

    /** The campaign running or last run, or null when none ever ran. */
    public synchronized String currentId() {
        return kept.campaigns.isEmpty() ? null : kept.campaigns.get(kept.campaigns.size() - 1).campaignId;
    }

    /**
     * Plants a fault in meter {@code meterId} for tests and training: from now on it behaves as {@code fault} says
     * whenever a campaign reaches it. The fault is kept with the campaigns, as it lives in the meter, not in the
     * gateway. A null fault clears it.
     */
    public synchronized void plantFault(String meterId, MeterFault fault) {
        Objects.requireNonNull(meterId, "meterId");
        if (fault == null) {
            kept.faults.remove(meterId);
        } else {
            kept.faults.put(meterId, fault);
        }
        store.save(kept);
        LOG.info("Meter {} now has the fault {}.", meterId, fault);
    }

    /**
     * Moves the running campaign on by the quarter hour that ended at {@code end}, and watches the meters of an
     * aborted one that were rebooting. Quarter hours up to the last one kept are skipped: a restarted gateway
     * replays them.
     */
    public synchronized void ticked(Instant end) {
        if (end.getEpochSecond() <= kept.lastTickSecond) {
            return;
        }
        boolean active = false;
        for (CampaignRun run : kept.campaigns) {
            if (run.active() && end.getEpochSecond() > run.startedSecond) {
                active = true;
                tick(run, end);
            }
        }
        if (active) {
            kept.lastTickSecond = end.getEpochSecond();
            try {
                store.save(kept);
            } catch (UncheckedIOException e) {
                // The gateway bills on; only a restart before the next save would go back to the last state kept.
                LOG.error("The simulated gateway could not keep its campaigns at {}.", end, e);
            }
        }
    }

    private void tick(CampaignRun run, Instant end) {
        CampaignStatus before = run.status;
        CampaignTicks.tick(run, site, kept.faults, end);
        run.meters.stream().filter(meter -> meter.is(MeterUpdateStatus.CONFIRMED))
                .forEach(meter -> kept.updated.put(meter.meterId, CampaignStore.Running.of(run.version,
                        run.securityCounter)));
        if (run.status != before) {
            LOG.info("Campaign {} is {} at {}: {}", run.campaignId, run.status, end, run.reason);
        }
    }

    private static long intervalStartOf(Instant at) {
        long second = at.getEpochSecond();
        return second - Math.floorMod(second, QUARTER_HOUR_SECONDS);
    }

    private CampaignRun find(String campaignId) {
        return kept.campaigns.stream().filter(run -> run.campaignId.equals(campaignId)).findFirst().orElse(null);
    }

    private CampaignRun known(String campaignId) {
        CampaignRun run = find(campaignId);
        if (run == null) {
            throw new IllegalArgumentException("The gateway knows no campaign " + campaignId + ".");
        }
        return run;
    }
}
