package io.gridside.site.store;

import io.gridside.site.TopologySnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The site store's rows of mesh topology snapshots: how a snapshot is written and read back. */
final class TopologyRows {

    private static final String NODE_COLUMNS =
            "node_id, latitude, longitude, hops, rank, parent_id, alternates, firmware, traffic_per_hour";
    private static final String LINK_COLUMNS = "from_id, to_id, forward_rssi_dbm, reverse_rssi_dbm, forward_psr, "
            + "reverse_psr, etx, last_heard_age_seconds, preferred";

    private TopologyRows() {
    }

    /** Writes the snapshot unless one of the same moment is held; returns whether it was new. */
    static boolean insert(Connection connection, TopologySnapshot snapshot) throws SQLException {
        if (snapshotId(connection, snapshot.at()).isPresent()) {
            return false;
        }
        long id;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO topology_snapshot "
                + "(at_second, at_nano, gateway_id) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, snapshot.at().getEpochSecond());
            insert.setInt(2, snapshot.at().getNano());
            insert.setString(3, snapshot.gatewayId());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        insertNodes(connection, id, snapshot.nodes());
        insertLinks(connection, id, snapshot.links());
        return true;
    }

    /** Whether a snapshot of exactly {@code at} is held. */
    static boolean holds(Connection connection, Instant at) throws SQLException {
        return snapshotId(connection, at).isPresent();
    }

    /** The times of the snapshots held, oldest first. */
    static List<Instant> times(Connection connection) throws SQLException {
        List<Instant> times = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT at_second, at_nano FROM topology_snapshot ORDER BY at_second, at_nano")) {
            while (rows.next()) {
                times.add(Instant.ofEpochSecond(rows.getLong(1), rows.getInt(2)));
            }
        }
        return times;
    }

    /** The snapshot held whose time is nearest {@code at}, the earlier one of two as near; empty when none is. */
    static Optional<TopologySnapshot> nearest(Connection connection, Instant at) throws SQLException {
        // Nanoseconds are left out of the distance: snapshots fall on whole seconds, a quarter hour apart.
        try (PreparedStatement select = connection.prepareStatement("SELECT id, at_second, at_nano, gateway_id "
                + "FROM topology_snapshot ORDER BY ABS(at_second - ?), at_second, at_nano LIMIT 1")) {
            select.setLong(1, at.getEpochSecond());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                long id = rows.getLong(1);
                Instant time = Instant.ofEpochSecond(rows.getLong(2), rows.getInt(3));
                List<TopologySnapshot.Node> nodes = nodes(connection, id);
                return Optional.of(new TopologySnapshot(time, rows.getString(4), nodes,
                        links(connection, id, idsOf(nodes))));
            }
        }
    }

    /** The snapshot of row {@code id}, empty when none has it. */
    static Optional<TopologySnapshot> byId(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT at_second, at_nano, gateway_id FROM topology_snapshot WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Instant time = Instant.ofEpochSecond(rows.getLong(1), rows.getInt(2));
                List<TopologySnapshot.Node> nodes = nodes(connection, id);
                return Optional.of(new TopologySnapshot(time, rows.getString(3), nodes,
                        links(connection, id, idsOf(nodes))));
            }
        }
    }

    private static Optional<Long> snapshotId(Connection connection, Instant at) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM topology_snapshot WHERE at_second = ? AND at_nano = ?")) {
            select.setLong(1, at.getEpochSecond());
            select.setInt(2, at.getNano());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void insertNodes(Connection connection, long id, List<TopologySnapshot.Node> nodes)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO topology_node (snapshot_id, "
                + "position, " + NODE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int position = 0; position < nodes.size(); position++) {
                TopologySnapshot.Node node = nodes.get(position);
                insert.setLong(1, id);
                insert.setInt(2, position);
                insert.setString(3, node.id());
                insert.setDouble(4, node.latitude());
                insert.setDouble(5, node.longitude());
                insert.setInt(6, node.hops());
                insert.setInt(7, node.rank());
                if (node.parentId() == null) {
                    insert.setNull(8, Types.VARCHAR);
                } else {
                    insert.setString(8, node.parentId());
                }
                // Ids hold no commas, so the alternates join and split without escaping.
                insert.setString(9, String.join(",", node.alternates()));
                insert.setString(10, node.firmware());
                if (node.trafficKnown()) {
                    insert.setLong(11, node.trafficPerHour());
                } else {
                    insert.setNull(11, Types.INTEGER);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertLinks(Connection connection, long id, List<TopologySnapshot.Link> links)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO topology_link (snapshot_id, "
                + "position, " + LINK_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int position = 0; position < links.size(); position++) {
                TopologySnapshot.Link link = links.get(position);
                insert.setLong(1, id);
                insert.setInt(2, position);
                insert.setString(3, link.from());
                insert.setString(4, link.to());
                insert.setDouble(5, link.forwardRssiDbm());
                insert.setDouble(6, link.reverseRssiDbm());
                insert.setDouble(7, link.forwardPsr());
                insert.setDouble(8, link.reversePsr());
                insert.setDouble(9, link.etx());
                insert.setLong(10, link.lastHeardAgeSeconds());
                insert.setInt(11, link.preferred() ? 1 : 0);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<TopologySnapshot.Node> nodes(Connection connection, long id) throws SQLException {
        List<TopologySnapshot.Node> nodes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + NODE_COLUMNS
                + " FROM topology_node WHERE snapshot_id = ? ORDER BY position")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String alternates = rows.getString(7);
                    long traffic = rows.getLong(9);
                    boolean trafficKnown = !rows.wasNull();
                    nodes.add(new TopologySnapshot.Node(rows.getString(1), rows.getDouble(2), rows.getDouble(3),
                            rows.getInt(4), rows.getInt(5), rows.getString(6),
                            alternates.isEmpty() ? List.of() : List.of(alternates.split(",")), rows.getString(8),
                            trafficKnown ? traffic : TopologySnapshot.Node.TRAFFIC_UNKNOWN));
                }
            }
        }
        return nodes;
    }

    /**
     * The snapshot's radio ids, each mapped to itself, for its links to name their ends with: a 5,000-meter mesh
     * has about 100,000 links, and two strings of their own for each link were most of a read snapshot's memory.
     */
    private static Map<String, String> idsOf(List<TopologySnapshot.Node> nodes) {
        Map<String, String> ids = new HashMap<>(nodes.size() * 2);
        nodes.forEach(node -> ids.put(node.id(), node.id()));
        return ids;
    }

    private static List<TopologySnapshot.Link> links(Connection connection, long id, Map<String, String> ids)
            throws SQLException {
        List<TopologySnapshot.Link> links = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + LINK_COLUMNS
                + " FROM topology_link WHERE snapshot_id = ? ORDER BY position")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String from = rows.getString(1);
                    String to = rows.getString(2);
                    links.add(new TopologySnapshot.Link(ids.getOrDefault(from, from), ids.getOrDefault(to, to),
                            rows.getDouble(3), rows.getDouble(4), rows.getDouble(5), rows.getDouble(6),
                            rows.getDouble(7), rows.getLong(8), rows.getInt(9) != 0));
                }
            }
        }
        return links;
    }
}
