package io.gridside.console.commission;

import io.gridside.console.mesh.MeshLayouts;
import io.gridside.console.mesh.MeshPalette;
import io.gridside.console.mesh.MeshScene;
import io.gridside.site.commission.LinkSuggestion;
import io.gridside.site.commission.LinkVerdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The link check drawn for the mesh view: each checked meter where it stands, coloured by its verdict, the meters
 * that need attention ringed and named, and a point of its own where a repeater is suggested. A site being
 * commissioned has no routes to draw yet, so the scene has radios and no links.
 *
 * @param scene  what the mesh view draws
 * @param meters each radio's meter serial, by radio index; null for a suggested repeater's place
 * @param links  each radio's link check, by radio index; null for a suggested repeater's place
 */
record CommissionMesh(MeshScene scene, List<String> meters, List<CommissionOverview.Link> links) {

    CommissionMesh {
        meters = Collections.unmodifiableList(new ArrayList<>(meters));
        links = Collections.unmodifiableList(new ArrayList<>(links));
    }

    /** The scene of {@code links} and the repeaters {@code remedies} suggest, in {@code palette}'s colours. */
    static CommissionMesh of(List<CommissionOverview.Link> links, List<CommissionOverview.Remedy> remedies,
            MeshPalette palette) {
        List<CommissionOverview.Remedy> repeaters = remedies.stream()
                .filter(remedy -> remedy.kind() == LinkSuggestion.Kind.ADD_REPEATER).toList();
        int count = links.size() + repeaters.size();
        MeshScene scene = new MeshScene(count, 0);
        double[] latitude = new double[count];
        double[] longitude = new double[count];
        List<String> meters = new ArrayList<>();
        List<CommissionOverview.Link> checks = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            CommissionOverview.Link link = links.get(i);
            latitude[i] = link.latitude();
            longitude[i] = link.longitude();
            scene.setNode(i, colour(link.verdict(), palette), link.passes() ? 0 : MeshScene.HIGHLIGHTED,
                    link.passes() ? null : link.serial());
            meters.add(link.serial());
            checks.add(link);
        }
        for (int r = 0; r < repeaters.size(); r++) {
            int node = links.size() + r;
            latitude[node] = repeaters.get(r).latitude();
            longitude[node] = repeaters.get(r).longitude();
            scene.setNode(node, palette.accent(), MeshScene.ROOT, CommissionTexts.text("mesh.repeater"));
            meters.add(null);
            checks.add(null);
        }
        MeshLayouts.geographic(scene, latitude, longitude);
        return new CommissionMesh(scene, meters, checks);
    }

    /** The radio index of meter {@code serial}, or -1 when the scene does not have it. */
    int nodeOf(String serial) {
        return meters.indexOf(serial);
    }

    /** The radio indexes of the meters that need attention or fail. */
    int[] marked() {
        List<Integer> marked = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i) != null && !links.get(i).passes()) {
                marked.add(i);
            }
        }
        return marked.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int colour(LinkVerdict verdict, MeshPalette palette) {
        return switch (verdict) {
            case PASS -> palette.good();
            case ATTENTION -> palette.weak();
            case FAIL -> palette.unusable();
        };
    }
}
