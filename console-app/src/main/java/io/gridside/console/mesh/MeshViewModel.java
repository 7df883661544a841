package io.gridside.console.mesh;

import io.gridside.console.Message;
import io.gridside.console.Sentence;
import io.gridside.console.Formats;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.site.mesh.LinkQuality;
import io.gridside.site.mesh.MeshGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.collections.ObservableList;

/**
 * The Mesh screen's state: the mesh the site database holds at the moment chosen (the latest unless the technician
 * moved the time slider), its scene as coloured, filtered and laid out, the radio chosen and its details, the
 * findings, and what a search or a finding points at. Everything that reads the database or computes over the
 * whole mesh runs in the background through the session; the scene is restyled on the JavaFX thread, in time
 * proportional to the mesh.
 */
public final class MeshViewModel {

    /** How many site days of mesh history the chosen radio's parents and signal are read from. */
    static final int RADIO_HISTORY_DAYS = 7;

    private final SessionViewModel session;
    private final LinkQuality quality = LinkQuality.DEFAULTS;
    private final MeshTimeline timeline = new MeshTimeline(this::load);
    private final ObjectProperty<MeshLayout> layout = new SimpleObjectProperty<>(MeshLayout.TREE);
    private final ObjectProperty<MeshSceneBuilder.NodeColouring> nodeColouring =
            new SimpleObjectProperty<>(MeshSceneBuilder.NodeColouring.ONLINE);
    private final ObjectProperty<MeshSceneBuilder.LinkColouring> linkColouring =
            new SimpleObjectProperty<>(MeshSceneBuilder.LinkColouring.SIGNAL);
    private final BooleanProperty allLinks = new SimpleBooleanProperty(false);
    private final StringProperty searchText = new SimpleStringProperty("");
    private final StringProperty filterText = new SimpleStringProperty("");
    private final Message message = new Message();
    private final ObjectProperty<MeshScene> scene = new SimpleObjectProperty<>(new MeshScene(0, 0));
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final IntegerProperty selectedNode = new SimpleIntegerProperty(-1);
    private final ObjectProperty<MeterRadio> radio = new SimpleObjectProperty<>();
    private final ObjectProperty<MeshFindings> findings = new SimpleObjectProperty<>(MeshFindings.none());
    private final ObservableList<MeshSceneBuilder.LegendEntry> legend = FXCollections.observableArrayList();
    private final ObservableList<MeshSceneBuilder.LegendEntry> linkLegend = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private MeshSceneBuilder builder = new MeshSceneBuilder(colours(MeshPalette.fallback()), quality);
    private MeshFilter filter = MeshFilter.NONE;
    private MeshMoment moment;
    private MeshFacts facts;
    private IntConsumer onCentre = node -> { };
    private Runnable onFit = () -> { };
    private int loadsAsked;
    /** The session's count of pulls with a new mesh snapshot when the mesh shown was loaded. */
    private int meshPullsShown = -1;
    /** What a finding or the radio's panel last pointed at, by radio ids, so that a reload keeps it ringed. */
    private PointedAt pointedAt;

    private record PointedAt(MeshChoice choice, MeshGraph graph) {
    }

    public MeshViewModel(SessionViewModel session) {
        this.session = session;
        nodeColouring.addListener((obs, old, now) -> restyle());
        linkColouring.addListener((obs, old, now) -> restyle());
        allLinks.addListener((obs, old, now) -> restyle());
        layout.addListener((obs, old, now) -> relayout(true));
        filterText.addListener((obs, old, text) -> applyFilter(text));
        searchText.addListener((obs, old, text) -> {
            pointedAt = null;
            highlightMatches();
        });
        selectedNode.addListener((obs, old, node) -> chosen(node.intValue()));
        session.pullsProperty().addListener((obs, old, count) -> pulled());
        session.onNewSession(hello -> {
            moment = null;
            facts = null;
            selectedNode.set(-1);
            if (hello != null) {
                timeline.now();
            }
        });
    }

    /** Takes the colours from the theme that styles the view; call once it shows. */
    public void usePalette(MeshPalette palette) {
        builder = new MeshSceneBuilder(colours(palette), quality);
        restyle();
    }

    static MeshSceneBuilder.Colours colours(MeshPalette palette) {
        return new MeshSceneBuilder.Colours(palette.good(), palette.fair(), palette.weak(), palette.unusable(),
                palette.stale(), palette.foreground(),
                palette.categories().stream().mapToInt(Integer::intValue).toArray());
    }

    /** Tells the view to centre on a radio (a search's first match, a finding's first radio). */
    public void setOnCentre(IntConsumer centre) {
        onCentre = centre;
    }

    /** Tells the view to fit the whole mesh, after a new layout. */
    public void setOnFit(Runnable fit) {
        onFit = fit;
    }

    private void pulled() {
        if (timeline.chosenProperty().get() != null) {
            return;
        }
        if (moment != null && moment.graph() != null && moment.latest() && session.meshPulls() == meshPullsShown) {
            // No new snapshot since the shown one was read: reading it again, with the week before it, made a pull
            // every 15 s cost a whole mesh in memory and time. Only the meters' states, which colour it, change.
            facts = MeshFacts.of(moment.graph(), session.meters(), moment.roster(), true);
            restyle();
            if (selectedNode.get() >= 0) {
                chosen(selectedNode.get());
            }
            return;
        }
        load(null);
    }

    /** Loads the mesh at {@code at} (null for the latest) in the background and shows it once it is read. */
    private void load(Instant at) {
        int asked = ++loadsAsked;
        int meshPulls = session.meshPulls();
        loading.set(true);
        Task<?> task = session.loadOnSession(Sentence.of("task.mesh"), (open, context) -> MeshMoment.load(
                open.meshHistory(), at, quality), loaded -> {
                    if (asked == loadsAsked) {
                        loading.set(false);
                        meshPullsShown = meshPulls;
                        show(loaded);
                    }
                }, failure -> {
                    loading.set(false);
                    message.fail(failure);
                });
        if (task != null) {
            // Cancelled from the task list: the mesh shown stays, and the screen is no longer loading.
            task.setOnCancelled(event -> loading.set(false));
        }
    }

    private void show(MeshMoment loaded) {
        MeshGraph before = facts == null ? null : facts.graph();
        String chosenId = before != null && selectedNode.get() >= 0 && selectedNode.get() < before.nodeCount()
                ? before.nodeId(selectedNode.get()) : null;
        moment = loaded;
        facts = loaded.graph() == null ? null : MeshFacts.of(loaded.graph(), session.meters(), loaded.roster(),
                loaded.latest());
        findings.set(loaded.findings());
        timeline.show(loaded.span(), zone(), loaded.graph() == null ? null : loaded.graph().at());
        message.show(loaded.graph() == null ? Sentence.of("mesh.none") : loaded.tablesCarried()
                ? Sentence.of("mesh.tablesCarried", Formats.siteTime(loaded.tablesAt(), zone())) : Sentence.NONE);
        if (before != null && loaded.graph() != null && MeshMoment.sameRadios(before, loaded.graph())) {
            // The same radios in the same order: every radio keeps its place, even one being dragged right now.
            restyle();
        } else {
            relayout(true);
        }
        int again = chosenId == null || facts == null ? -1 : facts.graph().indexOf(chosenId);
        if (selectedNode.get() == again) {
            chosen(again);
        } else {
            selectedNode.set(again);
        }
    }

    /** Builds the scene afresh with the layout's positions, those the technician chose on top. */
    private void relayout(boolean fit) {
        if (facts == null) {
            scene.set(new MeshScene(0, 0));
            legend.clear();
            return;
        }
        MeshSceneBuilder.Built built = build();
        MeshGraph graph = facts.graph();
        if (layout.get() == MeshLayout.TREE) {
            MeshLayouts.radial(built.scene(), built.parents(), graph.gateway());
        } else {
            double[] lat = new double[graph.nodeCount()];
            double[] lon = new double[graph.nodeCount()];
            for (int i = 0; i < graph.nodeCount(); i++) {
                lat[i] = graph.node(i).latitude();
                lon[i] = graph.node(i).longitude();
            }
            MeshLayouts.geographic(built.scene(), lat, lon);
        }
        MeshLayouts.applyPinned(built.scene(), pinned(layout.get()));
        showScene(built);
        if (fit) {
            onFit.run();
        }
    }

    /** Colours the scene again, keeping where every radio stands. */
    private void restyle() {
        if (facts == null) {
            return;
        }
        MeshScene old = scene.get();
        MeshSceneBuilder.Built built = build();
        if (old.nodeCount() != built.scene().nodeCount()) {
            relayout(true);
            return;
        }
        for (int i = 0; i < old.nodeCount(); i++) {
            built.scene().place(i, old.x()[i], old.y()[i]);
        }
        showScene(built);
    }

    private MeshSceneBuilder.Built build() {
        return builder.build(facts, nodeColouring.get(), linkColouring.get(), filter, allLinks.get());
    }

    private void showScene(MeshSceneBuilder.Built built) {
        linkLegend.setAll(builder.linkLegend(linkColouring.get()));
        legend.setAll(built.legend());
        MeshScene shown = built.scene();
        if (selectedNode.get() >= 0 && selectedNode.get() < shown.nodeCount()) {
            shown.markNodes(MeshScene.SELECTED, selectedNode.get());
        }
        scene.set(shown);
        if (pointedAt != null && facts != null && MeshMoment.sameRadios(pointedAt.graph(), facts.graph())
                && MeshMoment.sameLinks(pointedAt.graph(), facts.graph())) {
            shown.markNodes(MeshScene.HIGHLIGHTED, pointedAt.choice().nodes());
            shown.markLinks(MeshScene.HIGHLIGHTED, pointedAt.choice().links());
            // Compared with the graph shown from now on, so that the one before it is not kept alive.
            pointedAt = new PointedAt(pointedAt.choice(), facts.graph());
            revision.set(revision.get() + 1);
        } else {
            pointedAt = null;
            highlightMatches();
        }
    }

    private Map<Integer, float[]> pinned(MeshLayout which) {
        Map<Integer, float[]> pinned = new HashMap<>();
        moment.positions().getOrDefault(which, Map.of()).forEach((id, position) -> {
            int node = facts.graph().indexOf(id);
            if (node >= 0) {
                pinned.put(node, position);
            }
        });
        return pinned;
    }

    private void applyFilter(String text) {
        try {
            filter = MeshFilter.parse(text);
            message.clear();
        } catch (IllegalArgumentException e) {
            filter = MeshFilter.NONE;
            message.showWords(e.getMessage());
        }
        restyle();
    }

    /** Highlights every radio the search text finds; nothing when it is blank. */
    private void highlightMatches() {
        if (facts == null || scene.get().nodeCount() != facts.size()) {
            return;
        }
        int[] matches = MeshSearch.find(facts, searchText.get());
        scene.get().markNodes(MeshScene.HIGHLIGHTED, matches);
        scene.get().markLinks(MeshScene.HIGHLIGHTED);
        revision.set(revision.get() + 1);
    }

    /** Chooses the search's best match and centres on it; tells the technician when nothing matches. */
    public void search() {
        if (facts == null) {
            return;
        }
        int[] matches = MeshSearch.find(facts, searchText.get());
        if (matches.length == 0) {
            message.show(searchText.get().isBlank() ? Sentence.NONE
                    : Sentence.of("mesh.search.none", searchText.get().strip()));
            return;
        }
        message.show(matches.length == 1 ? Sentence.NONE : Sentence.of("mesh.search.many", matches.length));
        selectedNode.set(matches[0]);
        onCentre.accept(matches[0]);
    }

    /** Highlights what a finding or a row of the radio's panel points at, and centres on its first radio. */
    public void highlight(MeshChoice choice) {
        MeshScene shown = scene.get();
        if (facts == null || shown.nodeCount() != facts.size()) {
            return;
        }
        pointedAt = new PointedAt(choice, facts.graph());
        shown.markNodes(MeshScene.HIGHLIGHTED, choice.nodes());
        shown.markLinks(MeshScene.HIGHLIGHTED, choice.links());
        revision.set(revision.get() + 1);
        if (choice.nodes().length > 0) {
            onCentre.accept(choice.nodes()[0]);
        }
    }

    /** Highlights a finding's radios and links, centres on its first radio and chooses it, to show its radio. */
    public void highlightAndChoose(MeshChoice choice) {
        highlight(choice);
        if (choice.nodes().length > 0 && pointedAt != null) {
            selectedNode.set(choice.nodes()[0]);
        }
    }

    private void chosen(int node) {
        MeshScene shown = scene.get();
        if (node >= 0 && node < shown.nodeCount()) {
            shown.markNodes(MeshScene.SELECTED, node);
        } else {
            shown.markNodes(MeshScene.SELECTED);
        }
        revision.set(revision.get() + 1);
        if (facts == null || node < 0 || node >= facts.size()) {
            radio.set(null);
            return;
        }
        loadRadio(facts, node);
    }

    private void loadRadio(MeshFacts of, int node) {
        String meterId = of.meterId(node);
        String customer = of.customerName(node) != null ? of.customerName(node) : of.customerId(node);
        LocalDate last = of.graph().at().atZone(zone()).toLocalDate();
        LocalDate first = last.minusDays(RADIO_HISTORY_DAYS - 1);
        session.loadOnSession(Sentence.of("task.meshRadio", meterId), (open, context) -> MeterRadios.of(of.graph(),
                meterId, open.meshHistory().days(first, last), quality).withCustomer(customer), loaded -> {
                    if (facts == of && selectedNode.get() == node) {
                        radio.set(loaded);
                    }
                }, failure -> message.fail(failure));
    }

    /** Keeps where the technician dragged a radio, for this layout and site. */
    public void moved(int node, float x, float y) {
        if (facts == null || node < 0 || node >= facts.size()) {
            return;
        }
        MeshLayout which = layout.get();
        String id = facts.meterId(node);
        moment.positions().computeIfAbsent(which, key -> new HashMap<>()).put(id, new float[] {x, y});
        session.runOnSession(Sentence.of("task.meshPosition", id), (open, context) -> {
            open.meshHistory().savePosition(which.key(), id, x, y);
            return null;
        }, done -> { }, failure -> message.fail(failure));
    }

    /** Forgets the positions the technician chose in the current layout and lays the radios out again. */
    public void resetPositions() {
        MeshLayout which = layout.get();
        if (moment != null) {
            moment.positions().put(which, new HashMap<>());
        }
        relayout(true);
        session.runOnSession(Sentence.of("task.meshReset"), (open, context) -> open.meshHistory()
                .clearPositions(which.key()), cleared -> message.say("mesh.reset.done", cleared),
                failure -> message.fail(failure));
    }

    /** The file an export of the mesh shown goes to, in the exports folder; null while no mesh is shown. */
    public Path exportFile(MeshExports.Format format) {
        if (facts == null || session.helloProperty().get() == null) {
            return null;
        }
        return MeshExports.file(session.dirs().exports(), session.helloProperty().get().siteId(), facts, zone(),
                format);
    }

    /** Writes the mesh shown as JSON or GraphML in the background, then says where. */
    public void exportData(MeshExports.Format format) {
        Path file = exportFile(format);
        if (file == null) {
            message.say("mesh.none");
            return;
        }
        MeshFacts of = facts;
        session.runInBackground(Sentence.of("task.meshExport", format.extension()),
                context -> MeshExports.writeData(of, format, file), this::exported, this::exportFailed);
    }

    /** Writes a picture of the view as PNG in the background, then says where. */
    public void exportPicture(MeshCanvas.Picture picture) {
        Path file = exportFile(MeshExports.Format.PNG);
        if (file == null) {
            message.say("mesh.none");
            return;
        }
        session.runInBackground(Sentence.of("task.meshExport", MeshExports.Format.PNG.extension()), context -> {
            Files.createDirectories(file.toAbsolutePath().getParent());
            picture.writePng(file);
            return file;
        }, this::exported, this::exportFailed);
    }

    private void exportFailed(String why) {
        message.say("mesh.export.failed", why);
    }

    /** Tells the technician where an export went. */
    public void exported(Path file) {
        message.say("mesh.export.done", file.toAbsolutePath());
    }

    /** The site's time zone, in which times are shown. */
    public ZoneId zone() {
        return session.helloProperty().get() == null ? ZoneId.systemDefault()
                : ZoneId.of(session.helloProperty().get().timeZone());
    }

    /** The mesh shown, or null while none is. */
    public MeshGraph graph() {
        return facts == null ? null : facts.graph();
    }

    /** The site's currency, in which the findings weigh revenue. */
    public String currency() {
        return session.helloProperty().get() == null ? "XXX" : session.helloProperty().get().currency();
    }

    /** The facts of the radios shown, or null while no mesh is. */
    public MeshFacts facts() {
        return facts;
    }

    public MeshTimeline timeline() {
        return timeline;
    }

    public ObjectProperty<MeshLayout> layoutProperty() {
        return layout;
    }

    public ObjectProperty<MeshSceneBuilder.NodeColouring> nodeColouringProperty() {
        return nodeColouring;
    }

    public ObjectProperty<MeshSceneBuilder.LinkColouring> linkColouringProperty() {
        return linkColouring;
    }

    /** Whether every neighbour-table entry shows, or only the routes (the default: the tree stays readable). */
    public BooleanProperty allLinksProperty() {
        return allLinks;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** What the screen tells the technician: an export's file, a filter's mistake, a search that found nothing. */
    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    /** The scene shown; replaced when the mesh, the layout or the colouring changes. */
    public ObjectProperty<MeshScene> sceneProperty() {
        return scene;
    }

    /** Rises each time the marks of the scene shown change in place, so that the view draws again. */
    public IntegerProperty revisionProperty() {
        return revision;
    }

    /** The chosen radio's index, -1 for none. */
    public IntegerProperty selectedNodeProperty() {
        return selectedNode;
    }

    /** The chosen radio's details, null until they are loaded or while none is chosen. */
    public ObjectProperty<MeterRadio> radioProperty() {
        return radio;
    }

    public ObjectProperty<MeshFindings> findingsProperty() {
        return findings;
    }

    /** What each radio colour means under the colouring chosen. */
    /** What the links' colours mean, under the colouring chosen. */
    public ObservableList<MeshSceneBuilder.LegendEntry> linkLegend() {
        return linkLegend;
    }

    public ObservableList<MeshSceneBuilder.LegendEntry> legend() {
        return legend;
    }

    /** Whether a mesh is being read. */
    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** The attributes the radios can be coloured by, in the order offered. */
    public List<MeshSceneBuilder.NodeColouring> nodeColourings() {
        return List.of(MeshSceneBuilder.NodeColouring.values());
    }
}
