package io.gridside.site.store;

import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.GatewayInstall;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The site store's firmware rows: the fleet as pulled last, the last state heard of each meter campaign, and the
 * gateway's installs. Calls are serialised on the store that gives this out ({@link SiteStore#firmware}), as its
 * own are, and each write is one transaction.
 */
public final class FirmwareRecords {

    private final Connection connection;
    private final StoreWork work;

    FirmwareRecords(Object lock, Connection connection, Path file) {
        this.connection = connection;
        this.work = new StoreWork(lock, connection, file);
    }

    /** Replaces the fleet with {@code fleet}, pulled from the gateway at {@code pulledAt}. */
    public void saveFleet(List<FleetMeter> fleet, Instant pulledAt) {
        work.inTransaction(() -> {
            try (Statement clear = connection.createStatement()) {
                clear.executeUpdate("DELETE FROM firmware_fleet");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO firmware_fleet (meter_id, "
                    + "hardware_id, version, security_counter, hops, pulled_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (FleetMeter meter : fleet) {
                    insert.setString(1, meter.meterId());
                    insert.setString(2, meter.hardwareId());
                    insert.setString(3, meter.version());
                    insert.setLong(4, meter.securityCounter());
                    insert.setInt(5, meter.hops());
                    insert.setLong(6, pulledAt.toEpochMilli());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** The fleet as pulled last, in meter id order; empty before the first pull. */
    public List<FleetMeter> fleet() {
        return work.query(() -> {
            List<FleetMeter> fleet = new ArrayList<>();
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery("SELECT meter_id, hardware_id, version, security_counter, "
                            + "hops FROM firmware_fleet ORDER BY meter_id")) {
                while (rows.next()) {
                    fleet.add(new FleetMeter(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getLong(4), rows.getInt(5)));
                }
            }
            return fleet;
        });
    }

    /** When the fleet held was pulled, or empty before the first pull. */
    public Optional<Instant> fleetPulledAt() {
        return work.query(() -> {
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery("SELECT MAX(pulled_ms) FROM firmware_fleet")) {
                long millis = rows.getLong(1);
                return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
            }
        });
    }

    /**
     * Keeps {@code state} as the last heard of its campaign, heard at {@code heardAt}, unless the state held is
     * newer by the gateway's clock (an answer that crossed a later one on the way).
     *
     * @return whether the state was kept
     */
    public boolean saveCampaign(CampaignState state, Instant heardAt) {
        return work.inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO firmware_campaign "
                    + "(campaign_id, status, version, image_sha256, started_ms, updated_ms, heard_ms, state) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id) DO UPDATE SET "
                    + "status = excluded.status, updated_ms = excluded.updated_ms, heard_ms = excluded.heard_ms, "
                    + "state = excluded.state WHERE excluded.updated_ms >= firmware_campaign.updated_ms")) {
                upsert.setString(1, state.campaignId());
                upsert.setString(2, state.status().name());
                upsert.setString(3, state.version());
                upsert.setBytes(4, state.imageSha256().toByteArray());
                upsert.setLong(5, state.started().toEpochMilli());
                upsert.setLong(6, state.updated().toEpochMilli());
                upsert.setLong(7, heardAt.toEpochMilli());
                upsert.setBytes(8, CampaignStateCbor.encode(state));
                return upsert.executeUpdate() > 0;
            }
        });
    }

    /** The last state heard of campaign {@code campaignId}, if it was ever heard of. */
    public Optional<CampaignState> campaign(String campaignId) {
        return work.query(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT state FROM firmware_campaign WHERE campaign_id = ?")) {
                select.setString(1, campaignId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(CampaignStateCbor.decode(rows.getBytes(1)))
                            : Optional.empty();
                }
            }
        });
    }

    /** Every campaign heard of, the last state of each, the latest started first. */
    public List<CampaignState> campaigns() {
        return campaigns("SELECT state FROM firmware_campaign ORDER BY started_ms DESC, campaign_id DESC", null);
    }

    /** The campaigns whose last state heard has {@code status}, the latest started first. */
    public List<CampaignState> campaigns(CampaignStatus status) {
        return campaigns("SELECT state FROM firmware_campaign WHERE status = ? "
                + "ORDER BY started_ms DESC, campaign_id DESC", status.name());
    }

    private List<CampaignState> campaigns(String sql, String status) {
        return work.query(() -> {
            List<CampaignState> states = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (status != null) {
                    select.setString(1, status);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        states.add(CampaignStateCbor.decode(rows.getBytes(1)));
                    }
                }
            }
            return states;
        });
    }

    /**
     * Keeps how an install of a gateway image ended. The same outcome (its time and version) kept again is kept
     * once, so that a console that heard it twice, from the install's answer and from the gateway's state later,
     * records it once.
     *
     * @return whether it was new
     */
    public boolean recordInstall(GatewayInstall install) {
        return work.inTransaction(() -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO firmware_gateway_install "
                    + "(at, at_ms, version, confirmed, reason, checks) VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (at, version) DO NOTHING")) {
                insert.setString(1, install.at().toString());
                insert.setLong(2, install.at().toEpochMilli());
                insert.setString(3, install.version());
                insert.setInt(4, install.confirmed() ? 1 : 0);
                insert.setString(5, install.reason());
                insert.setBytes(6, CampaignStateCbor.encodeChecks(install.checks()));
                return insert.executeUpdate() > 0;
            }
        });
    }

    /** Every gateway install kept, the latest first. */
    public List<GatewayInstall> installs() {
        return work.query(() -> {
            List<GatewayInstall> installs = new ArrayList<>();
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery("SELECT at, version, confirmed, reason, checks "
                            + "FROM firmware_gateway_install ORDER BY at_ms DESC, rowid DESC")) {
                while (rows.next()) {
                    installs.add(new GatewayInstall(Instant.parse(rows.getString(1)), rows.getString(2),
                            rows.getInt(3) != 0, rows.getString(4), CampaignStateCbor.decodeChecks(rows.getBytes(5))));
                }
            }
            return installs;
        });
    }
}
