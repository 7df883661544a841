package io.gridside.console.replay;

import io.gridside.console.I18n;
import io.gridside.console.mesh.MeshLayouts;
import io.gridside.console.mesh.MeshPalette;
import io.gridside.console.mesh.MeshScene;
import io.gridside.console.mesh.MeshSceneBuilder.LegendEntry;
import io.gridside.site.replay.RelayHold;
import io.gridside.site.replay.SiteState;
import java.util.List;
import java.util.Map;

/**
 * The mesh as the replay's instant found it, drawn by the mesh view's canvas: the gateway in the middle and each
 * meter coloured by its state (powered and talking, powered but silent, without power, relay held by billing or
 * maintenance), with the link to the parent it had at that instant. The radios are laid out once, as the tree the
 * window began with, and stay put while the replay plays: only colours and links change, in place, in time
 * proportional to the meters.
 *
 * <p>Radio 0 is the gateway; meter {@code i} of the window is radio {@code i + 1}, and its route link {@code i}.
 */
public final class ReplayScene {

    /** How much of its colour a route link shows, so that the radios stand out over their links. */
    static final double LINK_ALPHA = 0.6;

    /** The colours of the states, as ARGB. */
    public record Colours(int talking, int silent, int noPower, int billing, int maintenance, int gateway,
            int gatewayDown, int silentLink) {

        /** The colours of {@code palette}: the mesh view's grades for the states, its categories for the holds. */
        public static Colours of(MeshPalette palette) {
            return new Colours(palette.good(), palette.weak(), palette.unusable(), palette.category(5),
                    palette.category(3), palette.foreground(), palette.unusable(), palette.stale());
        }
    }

    private final MeshScene scene;
    private final String gatewayId;
    private final Map<String, Integer> meterIndex;
    private final List<String> meterIds;

    private ReplayScene(MeshScene scene, String gatewayId, List<String> meterIds, Map<String, Integer> meterIndex) {
        this.scene = scene;
        this.meterIds = meterIds;
        this.gatewayId = gatewayId;
        this.meterIndex = meterIndex;
    }

    /** The scene of {@code window}'s meters, laid out as the tree of the parents the window's events began with. */
    public static ReplayScene of(ReplayWindow window) {
        List<String> meters = window.meterIds();
        MeshScene scene = new MeshScene(meters.size() + 1, meters.size());
        Map<String, Integer> index = SiteState.indexOf(meters);
        int[] parents = new int[meters.size() + 1];
        parents[0] = -1;
        for (int i = 0; i < meters.size(); i++) {
            parents[i + 1] = radioOf(window.parentsAtStart().get(meters.get(i)), window.gatewayId(), index);
            scene.setLink(i, i + 1, i + 1, 0, 0, 0);
        }
        MeshLayouts.radial(scene, parents, 0);
        return new ReplayScene(scene, window.gatewayId(), meters, index);
    }

    private static int radioOf(String id, String gatewayId, Map<String, Integer> meterIndex) {
        if (id == null) {
            return -1;
        }
        if (id.equals(gatewayId)) {
            return 0;
        }
        Integer meter = meterIndex.get(id);
        return meter == null ? -1 : meter + 1;
    }

    public MeshScene scene() {
        return scene;
    }

    /** Colours every radio and route link as {@code state} has them; the view draws again after. */
    public void paint(SiteState state, Colours colours) {
        boolean gatewayUp = state.plant().gatewayUp();
        String gatewayLabel = gatewayUp ? gatewayId : I18n.text("replay.mesh.gatewayDown", gatewayId);
        scene.setNode(0, gatewayUp ? colours.gateway() : colours.gatewayDown(), keptFlags(0) | MeshScene.ROOT,
                gatewayLabel);
        int meters = scene.nodeCount() - 1;
        for (int i = 0; i < meters; i++) {
            int colour = colourOf(state, i, colours);
            scene.setNode(i + 1, colour, keptFlags(i + 1), state.meterIds().get(i));
            int parent = radioOf(state.parent(i), gatewayId, meterIndex);
            if (parent < 0) {
                scene.setLink(i, i + 1, i + 1, 0, 0, 0);
            } else {
                int linkColour = MeshPalette.withAlpha(state.talking(i) ? colour : colours.silentLink(), LINK_ALPHA);
                scene.setLink(i, i + 1, parent, linkColour, linkColour, MeshScene.PREFERRED
                        | (state.talking(i) ? 0 : MeshScene.STALE));
            }
        }
    }

    /**
     * Paints the meters in the grey of a stale link and without links: how the site stood is not known, before the
     * history held begins. The gateway keeps its colour so that the layout still reads.
     */
    public void paintUnknown(Colours colours) {
        scene.setNode(0, colours.gateway(), keptFlags(0) | MeshScene.ROOT, gatewayId);
        for (int i = 0; i < meterIds.size(); i++) {
            scene.setNode(i + 1, colours.silentLink(), keptFlags(i + 1), meterIds.get(i));
            scene.setLink(i, i + 1, i + 1, 0, 0, 0);
        }
    }

    /** The colour of meter {@code meter} in {@code state}: a held relay first, then power, then comms. */
    static int colourOf(SiteState state, int meter, Colours colours) {
        if (state.relay(meter) == RelayHold.BILLING) {
            return colours.billing();
        }
        if (state.relay(meter) == RelayHold.MAINTENANCE) {
            return colours.maintenance();
        }
        if (!state.powered(meter)) {
            return colours.noPower();
        }
        return state.talking(meter) ? colours.talking() : colours.silent();
    }

    /** What each colour means. */
    public static List<LegendEntry> legend(Colours colours) {
        return List.of(new LegendEntry(I18n.text("replay.legend.talking"), colours.talking()),
                new LegendEntry(I18n.text("replay.legend.silent"), colours.silent()),
                new LegendEntry(I18n.text("replay.legend.noPower"), colours.noPower()),
                new LegendEntry(I18n.text("replay.legend.billing"), colours.billing()),
                new LegendEntry(I18n.text("replay.legend.maintenance"), colours.maintenance()));
    }

    /** The marks of a radio that the state does not decide (chosen, pointed at), kept across a paint. */
    private int keptFlags(int radio) {
        return scene.nodeFlags()[radio] & (MeshScene.SELECTED | MeshScene.HIGHLIGHTED);
    }

    /** Points at the meters listed (by id), ringing them; none clears the marks. */
    public void highlight(List<String> meterIds) {
        int[] radios = meterIds.stream().map(meterIndex::get).filter(java.util.Objects::nonNull)
                .mapToInt(index -> index + 1).toArray();
        scene.markNodes(MeshScene.HIGHLIGHTED, radios);
    }
}
