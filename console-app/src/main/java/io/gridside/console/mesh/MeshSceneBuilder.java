package io.gridside.console.mesh;

import io.gridside.console.I18n;
import io.gridside.site.CreditState;
import io.gridside.site.mesh.LinkGrade;
import io.gridside.site.mesh.LinkQuality;
import io.gridside.site.mesh.MeshGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a mesh graph and its radios' facts into the scene the mesh view draws: each radio coloured by the fact the
 * technician chose, each link's halves by the grade of their own direction, faded by the age of the link's last
 * observation, and the marks for stale links and radios, parent links, the gateway and what a filter leaves out.
 * Positions are the layout's business, not this builder's: every radio is left at the origin.
 */
public final class MeshSceneBuilder {

    /** A link last heard this many seconds ago or less shows at full strength. */
    static final long FRESH_SECONDS = 3_600;
    /** A link last heard this many seconds ago or more shows at {@link #OLDEST_ALPHA}; between, it fades evenly. */
    static final long OLD_SECONDS = 86_400;
    /** How strongly the oldest links show. */
    static final double OLDEST_ALPHA = 0.25;
    /** ETX (both directions together) up to which a link counts as good when links are coloured by ETX. */
    static final double GOOD_ETX = 1.5;
    /** ETX above which a link counts as unusable when links are coloured by ETX; weak from the quality's limit. */
    static final double UNUSABLE_ETX = 5.0;

    /** What the radios are coloured by. */
    public enum NodeColouring { ONLINE, CREDIT, FIRMWARE, HOPS, TRAFFIC }

    /** What the links' halves are coloured by: each direction's signal and packet success, or the link's ETX. */
    public enum LinkColouring { SIGNAL, ETX }

    /**
     * The colours a scene is built with, as ARGB: a grade's colour for each link grade (good to unusable), the
     * colour of what only the past knows, of the gateway, and the categorical colours for radio facts.
     */
    public record Colours(int good, int fair, int weak, int unusable, int stale, int root, int[] categorical) {

        public Colours {
            if (categorical.length == 0) {
                throw new IllegalArgumentException("at least one categorical colour is needed");
            }
            categorical = categorical.clone();
        }

        int grade(LinkGrade grade) {
            return switch (grade) {
                case GOOD -> good;
                case FAIR -> fair;
                case WEAK -> weak;
                case UNUSABLE -> unusable;
            };
        }

        int category(int index) {
            return categorical[Math.floorMod(index, categorical.length)];
        }
    }

    /** One entry of the radios' legend: what a colour means. */
    public record LegendEntry(String label, int argb) {

        public LegendEntry {
            Objects.requireNonNull(label, "label");
        }
    }

    /** A built scene, the legend of its radios' colours, and each radio's parent (-1 for none) for a tree layout. */
    public record Built(MeshScene scene, List<LegendEntry> legend, int[] parents) {
    }

    private final Colours colours;
    private final LinkQuality quality;

    public MeshSceneBuilder(Colours colours, LinkQuality quality) {
        this.colours = colours;
        this.quality = quality;
    }

    /**
     * The scene of {@code facts}' graph, coloured as asked, with the radios {@code filter} rejects dimmed.
     *
     * @param allLinks whether every neighbour-table entry shows, or only the routes: each meter's link to its
     *     parent, and the stale links that were a route when last seen; the others are left transparent
     */
    public Built build(MeshFacts facts, NodeColouring nodes, LinkColouring links, MeshFilter filter,
            boolean allLinks) {
        MeshGraph graph = facts.graph();
        MeshScene scene = new MeshScene(graph.nodeCount(), graph.linkCount());
        boolean[] passes = new boolean[graph.nodeCount()];
        int[] parents = new int[graph.nodeCount()];
        NodePainter painter = painter(facts, nodes);
        for (int i = 0; i < graph.nodeCount(); i++) {
            passes[i] = filter.matches(facts, i);
            parents[i] = graph.parent(i);
            int flags = (i == graph.gateway() ? MeshScene.ROOT : 0) | (graph.staleNode(i) ? MeshScene.STALE : 0)
                    | (passes[i] ? 0 : MeshScene.DIMMED);
            int colour = i == graph.gateway() ? colours.root() : graph.staleNode(i) ? colours.stale() : painter.of(i);
            scene.setNode(i, colour, flags, facts.meterId(i));
        }
        for (int l = 0; l < graph.linkCount(); l++) {
            MeshGraph.Link link = graph.link(l);
            int flags = linkFlags(graph, link, passes);
            boolean route = (flags & MeshScene.PREFERRED) != 0 || link.stale() && link.measures().preferred();
            if (allLinks || route) {
                scene.setLink(l, link.from(), link.to(), linkColour(link, links, true),
                        linkColour(link, links, false), flags);
            } else {
                scene.setLink(l, link.from(), link.to(), 0, 0, flags);
            }
        }
        return new Built(scene, painter.legend(), parents);
    }

    /**
     * The legend of the links' colours under {@code colouring}: each grade with the bounds that give it, and the
     * dashed grey of a link that only the past knows.
     */
    public List<LegendEntry> linkLegend(LinkColouring colouring) {
        List<LegendEntry> entries = new ArrayList<>();
        if (colouring == LinkColouring.ETX) {
            entries.add(new LegendEntry(I18n.text("mesh.legend.link.etxGood", GOOD_ETX), colours.good()));
            entries.add(new LegendEntry(I18n.text("mesh.legend.link.etxFair", quality.weakAboveEtx()),
                    colours.fair()));
            entries.add(new LegendEntry(I18n.text("mesh.legend.link.etxWeak", UNUSABLE_ETX), colours.weak()));
            entries.add(new LegendEntry(I18n.text("mesh.legend.link.etxUnusable", UNUSABLE_ETX),
                    colours.unusable()));
        } else {
            entries.add(new LegendEntry(I18n.text("mesh.legend.link.good", quality.fairBelowDbm(),
                    quality.fairBelowPsr() * 100), colours.good()));
            entries.add(new LegendEntry(I18n.text("mesh.legend.link.fair", quality.weakBelowDbm(),
                    quality.weakBelowPsr() * 100), colours.fair()));
            entries.add(new LegendEntry(I18n.text("mesh.legend.link.weak", quality.sensitivityDbm(),
                    quality.usablePsr() * 100), colours.weak()));
            entries.add(new LegendEntry(I18n.text("mesh.legend.link.unusable"), colours.unusable()));
        }
        entries.add(new LegendEntry(I18n.text("mesh.legend.link.stale"), colours.stale()));
        return entries;
    }

    /** The ARGB colour of one half of {@code link}: its direction's grade, faded by the link's age. */
    int linkColour(MeshGraph.Link link, LinkColouring colouring, boolean forward) {
        if (link.stale()) {
            return withAlpha(colours.stale(), fade(link.ageSeconds()));
        }
        LinkGrade grade = colouring == LinkColouring.ETX ? etxGrade(link.measures().etx())
                : forward ? quality.forward(link) : quality.reverse(link);
        return withAlpha(colours.grade(grade), fade(link.ageSeconds()));
    }

    private LinkGrade etxGrade(double etx) {
        if (etx <= GOOD_ETX) {
            return LinkGrade.GOOD;
        }
        if (etx <= quality.weakAboveEtx()) {
            return LinkGrade.FAIR;
        }
        return etx <= UNUSABLE_ETX ? LinkGrade.WEAK : LinkGrade.UNUSABLE;
    }

    private static int linkFlags(MeshGraph graph, MeshGraph.Link link, boolean[] passes) {
        int flags = link.stale() ? MeshScene.STALE : 0;
        if (!link.stale() && graph.parent(link.from()) == link.to()) {
            flags |= MeshScene.PREFERRED;
        }
        if (!passes[link.from()] || !passes[link.to()]) {
            flags |= MeshScene.DIMMED;
        }
        return flags;
    }

    /** How strongly a link last heard {@code ageSeconds} ago shows: 1 when fresh or of unknown age, down to 0.25. */
    static double fade(long ageSeconds) {
        if (ageSeconds <= FRESH_SECONDS) {
            return 1.0;
        }
        if (ageSeconds >= OLD_SECONDS) {
            return OLDEST_ALPHA;
        }
        double through = (double) (ageSeconds - FRESH_SECONDS) / (OLD_SECONDS - FRESH_SECONDS);
        return 1.0 - through * (1.0 - OLDEST_ALPHA);
    }

    /** {@code argb} with its alpha scaled by {@code fraction}. */
    static int withAlpha(int argb, double fraction) {
        int alpha = (int) Math.round(((argb >>> 24) & 0xff) * Math.max(0, Math.min(1, fraction)));
        return (alpha << 24) | (argb & 0x00ff_ffff);
    }

    private NodePainter painter(MeshFacts facts, NodeColouring colouring) {
        return switch (colouring) {
            case ONLINE -> onlinePainter(facts);
            case CREDIT -> creditPainter(facts);
            case FIRMWARE -> categories(facts, node -> facts.firmware(node), "mesh.legend.firmwareUnknown");
            case HOPS -> hopsPainter(facts);
            case TRAFFIC -> trafficPainter(facts);
        };
    }

    private NodePainter onlinePainter(MeshFacts facts) {
        Map<String, Integer> legend = new LinkedHashMap<>();
        legend.put(I18n.text("mesh.legend.online"), colours.good());
        legend.put(I18n.text("mesh.legend.offline"), colours.unusable());
        return new NodePainter(node -> facts.online(node) ? colours.good() : colours.unusable(), legend);
    }

    private NodePainter creditPainter(MeshFacts facts) {
        Map<CreditState, Integer> byState = new HashMap<>();
        byState.put(CreditState.ACTIVE, colours.good());
        byState.put(CreditState.LOW, colours.fair());
        byState.put(CreditState.EMERGENCY, colours.weak());
        byState.put(CreditState.GRACE, colours.category(2));
        byState.put(CreditState.ARREARS, colours.category(3));
        byState.put(CreditState.DISCONNECTED, colours.unusable());
        Map<String, Integer> legend = new LinkedHashMap<>();
        for (CreditState state : CreditState.values()) {
            legend.put(I18n.text("mesh.legend.credit." + state.name()), byState.get(state));
        }
        legend.put(I18n.text("mesh.legend.creditUnknown"), colours.stale());
        return new NodePainter(node -> facts.creditState(node) == null ? colours.stale()
                : byState.get(facts.creditState(node)), legend);
    }

    private NodePainter hopsPainter(MeshFacts facts) {
        int most = 0;
        for (int i = 0; i < facts.size(); i++) {
            most = Math.max(most, facts.hops(i));
        }
        Map<String, Integer> legend = new LinkedHashMap<>();
        for (int hops = 1; hops <= most; hops++) {
            legend.put(I18n.text("mesh.legend.hops", hops), colours.category(hops - 1));
        }
        legend.put(I18n.text("mesh.legend.noRoute"), colours.stale());
        return new NodePainter(node -> facts.hops(node) < 1 ? colours.stale() : colours.category(facts.hops(node) - 1),
                legend);
    }

    /** Traffic in three bands split at the middle and the top tenth of the known values, unknown apart. */
    private NodePainter trafficPainter(MeshFacts facts) {
        long[] known = new long[facts.size()];
        int count = 0;
        for (int i = 1; i < facts.size(); i++) {
            if (facts.traffic(i) >= 0) {
                known[count++] = facts.traffic(i);
            }
        }
        long[] sorted = Arrays.copyOf(known, count);
        Arrays.sort(sorted);
        long middle = count == 0 ? 0 : sorted[count / 2];
        long top = count == 0 ? 0 : sorted[Math.min(count - 1, count * 9 / 10)];
        Map<String, Integer> legend = new LinkedHashMap<>();
        legend.put(I18n.text("mesh.legend.trafficLow", middle), colours.category(0));
        legend.put(I18n.text("mesh.legend.trafficMiddle", middle, top), colours.category(1));
        legend.put(I18n.text("mesh.legend.trafficHigh", top), colours.category(2));
        legend.put(I18n.text("mesh.legend.trafficUnknown"), colours.stale());
        return new NodePainter(node -> {
            long traffic = facts.traffic(node);
            if (traffic < 0) {
                return colours.stale();
            }
            return colours.category(traffic < middle ? 0 : traffic < top ? 1 : 2);
        }, legend);
    }

    /** One colour per distinct value, the most common value first; radios without a value in the stale colour. */
    private NodePainter categories(MeshFacts facts, TextOf value, String unknownKey) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 1; i < facts.size(); i++) {
            String v = value.of(i);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        List<String> order = new ArrayList<>(counts.keySet());
        order.sort(Comparator.comparing((String v) -> -counts.get(v)).thenComparing(Comparator.naturalOrder()));
        Map<String, Integer> colourOf = new HashMap<>();
        Map<String, Integer> legend = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            colourOf.put(order.get(i), colours.category(i));
            legend.put(order.get(i), colours.category(i));
        }
        legend.put(I18n.text(unknownKey), colours.stale());
        return new NodePainter(node -> value.of(node) == null ? colours.stale() : colourOf.get(value.of(node)),
                legend);
    }

    @FunctionalInterface
    private interface TextOf {
        String of(int node);
    }

    @FunctionalInterface
    private interface ColourOf {
        int of(int node);
    }

    private record NodePainter(ColourOf colour, Map<String, Integer> legendColours) {

        int of(int node) {
            return colour.of(node);
        }

        List<LegendEntry> legend() {
            return legendColours.entrySet().stream().map(e -> new LegendEntry(e.getKey(), e.getValue())).toList();
        }
    }
}
