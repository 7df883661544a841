package io.gridside.console.mesh;

import java.util.Arrays;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The ARGB colours of the mesh view, taken from the theme so that the pixels the renderer fills follow a theme
 * switch like every styled control does.
 *
 * <p>{@link #of(Parent)} resolves each colour from the theme's looked-up colour of the same role. Where no theme is
 * loaded (a benchmark, a unit test) {@link #fallback()} gives the light theme's values for those roles.
 *
 * @param background the view's background: {@code -color-bg-default}
 * @param foreground labels and the ring of a chosen radio: {@code -color-fg-default}
 * @param muted radios without a measure: {@code -color-fg-muted}
 * @param good a link that carries traffic well: {@code -color-success-emphasis}
 * @param fair a link that works with little margin: {@code -color-warning-2}, a dark yellow in the light themes
 * @param weak a link that often fails or has no margin left: {@code -color-warning-emphasis}, an amber, as the
 *     radio panel writes a weak grade
 * @param unusable a link that carries nothing: {@code -color-danger-emphasis}, as the panel writes that grade
 * @param stale what only the past knows: {@code -color-fg-subtle}
 * @param accent what a list or search points at: {@code -color-accent-emphasis}
 * @param categories colours for the values of a categorical attribute: {@code -color-chart-1} to {@code -8}
 */
public record MeshPalette(int background, int foreground, int muted, int good, int fair, int weak, int unusable,
        int stale, int accent, List<Integer> categories) {

    /** The looked-up colour of each role, in the record's order, then the categories. */
    private static final String[] LOOKUPS = {
        "-color-bg-default", "-color-fg-default", "-color-fg-muted", "-color-success-emphasis",
        "-color-warning-2", "-color-warning-emphasis", "-color-danger-emphasis", "-color-fg-subtle",
        "-color-accent-emphasis", "-color-chart-1", "-color-chart-2", "-color-chart-3", "-color-chart-4",
        "-color-chart-5", "-color-chart-6", "-color-chart-7", "-color-chart-8",
    };

    /**
     * The light theme's values of {@link #LOOKUPS}, used where a theme does not answer: Primer Light's, but for the
     * fair link's yellow, which the light theme's own sheet darkens from Primer's pale 1.7:1 against white.
     */
    private static final int[] FALLBACKS = {
        0xffffffff, 0xff24292f, 0xff57606a, 0xff2da44e, 0xff8a7a00, 0xffbf8700, 0xffcf222e, 0xff6e7781,
        0xff0969da, 0xfff3622d, 0xfffba71b, 0xff57b757, 0xff41a9c9, 0xff4258c9, 0xff9a42c8, 0xffc84164,
        0xff888888,
    };

    private static final int ROLES = 9;

    public MeshPalette {
        categories = List.copyOf(categories);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a palette needs at least one category colour");
        }
    }

    /** The palette without a theme: the light theme's colours. */
    public static MeshPalette fallback() {
        return fromArgb(FALLBACKS);
    }

    /**
     * The palette of the theme that styles {@code host}: each colour looked up by a region in a scene of its own with
     * the same style sheets as {@code host}'s scene and {@code host} itself, under the application's theme. Call on
     * the JavaFX thread; a colour the theme does not define keeps its fallback.
     */
    public static MeshPalette of(Parent host) {
        boolean styled = Application.getUserAgentStylesheet() != null
                || (host.getScene() != null && !host.getScene().getStylesheets().isEmpty())
                || !host.getStylesheets().isEmpty();
        if (!styled) {
            // Without any style sheet no colour can resolve, and JavaFX would log a warning for each lookup.
            return fallback();
        }
        // Shortcoming: a style sheet without one of these colours makes JavaFX log a warning for its lookup; the
        // AtlantaFX themes define them all.
        int[] argb = FALLBACKS.clone();
        Region probe = new Region();
        Group root = new Group(probe);
        Scene scene = new Scene(root);
        if (host.getScene() != null) {
            scene.getStylesheets().setAll(host.getScene().getStylesheets());
        }
        root.getStylesheets().setAll(host.getStylesheets());
        for (int i = 0; i < LOOKUPS.length; i++) {
            probe.setStyle("-fx-background-color: " + LOOKUPS[i] + ";");
            root.applyCss();
            Integer resolved = argbOf(probe.getBackground());
            if (resolved != null) {
                argb[i] = resolved;
            }
        }
        return fromArgb(argb);
    }

    /** The colour of value {@code index} of a categorical attribute, the colours repeating past the last. */
    public int category(int index) {
        return categories.get(Math.floorMod(index, categories.size()));
    }

    /** {@code argb} with its alpha multiplied by {@code fraction} (clamped to 0..1): how an old observation fades. */
    public static int withAlpha(int argb, double fraction) {
        double clamped = Math.max(0, Math.min(1, fraction));
        int alpha = (int) Math.round((argb >>> 24) * clamped);
        return (alpha << 24) | (argb & 0x00ffffff);
    }

    /** {@code argb} as a JavaFX colour, for the few things drawn as nodes (labels). */
    public static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff, (argb >>> 24) / 255.0);
    }

    /** {@code color} as ARGB. */
    public static int argb(Color color) {
        return (int) Math.round(color.getOpacity() * 255) << 24 | (int) Math.round(color.getRed() * 255) << 16
                | (int) Math.round(color.getGreen() * 255) << 8 | (int) Math.round(color.getBlue() * 255);
    }

    private static Integer argbOf(Background background) {
        if (background == null || background.getFills().isEmpty()) {
            return null;
        }
        BackgroundFill fill = background.getFills().get(0);
        Paint paint = fill.getFill();
        return paint instanceof Color color ? argb(color) : null;
    }

    private static MeshPalette fromArgb(int[] argb) {
        List<Integer> categories = Arrays.stream(argb, ROLES, argb.length).boxed().toList();
        return new MeshPalette(argb[0], argb[1], argb[2], argb[3], argb[4], argb[5], argb[6], argb[7], argb[8],
                categories);
    }
}
