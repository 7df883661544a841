package io.gridside.console.mesh;

import java.util.Arrays;

/**
 * What the mesh view draws, in world coordinates: radios as points and links as segments, each with its colour and
 * marks, held in plain arrays so that a frame of 10,000 radios and their links makes no objects.
 *
 * <p>A link is drawn in two halves, each in the colour of its own direction: the half next to {@code from} in the
 * colour of what {@code to} receives of {@code from}, the other half in the colour of the way back. A link whose
 * directions agree simply has two equal colours. Colours are ARGB; their alpha is how strongly the link or radio
 * shows, which is how an old observation fades.
 *
 * <p>The arrays are the scene's own and are handed out without copying: whoever builds a scene fills them, and
 * the view reads them. A scene is changed only on the JavaFX thread once a view shows it.
 */
public final class MeshScene {

    /** The radio is the one chosen. */
    public static final int SELECTED = 1;
    /** The radio or link is among those a list or a search points at. */
    public static final int HIGHLIGHTED = 1 << 1;
    /** The radio or link is left out by a filter: drawn faintly, never labelled. */
    public static final int DIMMED = 1 << 2;
    /** Only the past knows the radio or link: drawn dashed and grey, however good its last measures were. */
    public static final int STALE = 1 << 3;
    /** The link is its meter's route to its preferred parent: drawn wider than the other neighbour links. */
    public static final int PREFERRED = 1 << 4;
    /** The radio is the gateway. */
    public static final int ROOT = 1 << 5;

    private final float[] x;
    private final float[] y;
    private final int[] nodeColors;
    private final int[] nodeFlags;
    private final String[] labels;
    private final int[] linkFrom;
    private final int[] linkTo;
    private final int[] forwardColors;
    private final int[] reverseColors;
    private final int[] linkFlags;

    /** A scene of {@code nodes} radios at the origin and {@code links} links, all transparent, none labelled. */
    public MeshScene(int nodes, int links) {
        x = new float[nodes];
        y = new float[nodes];
        nodeColors = new int[nodes];
        nodeFlags = new int[nodes];
        labels = new String[nodes];
        linkFrom = new int[links];
        linkTo = new int[links];
        forwardColors = new int[links];
        reverseColors = new int[links];
        linkFlags = new int[links];
    }

    /** How many radios the scene has. */
    public int nodeCount() {
        return x.length;
    }

    /** How many links the scene has. */
    public int linkCount() {
        return linkFrom.length;
    }

    /** Places radio {@code node} at world coordinates ({@code wx}, {@code wy}). */
    public void place(int node, float wx, float wy) {
        x[node] = wx;
        y[node] = wy;
    }

    /** Sets how radio {@code node} is drawn: its ARGB colour, marks and label (null for none). */
    public void setNode(int node, int argb, int flags, String label) {
        nodeColors[node] = argb;
        nodeFlags[node] = flags;
        labels[node] = label;
    }

    /** Sets link {@code link}: its ends by radio index, the ARGB colour of each direction, and its marks. */
    public void setLink(int link, int from, int to, int forwardArgb, int reverseArgb, int flags) {
        linkFrom[link] = from;
        linkTo[link] = to;
        forwardColors[link] = forwardArgb;
        reverseColors[link] = reverseArgb;
        linkFlags[link] = flags;
    }

    /** The radios' world x coordinates, by radio index. */
    public float[] x() {
        return x;
    }

    /** The radios' world y coordinates, by radio index. */
    public float[] y() {
        return y;
    }

    /** The radios' ARGB colours. */
    public int[] nodeColors() {
        return nodeColors;
    }

    /** The radios' marks ({@link #SELECTED}, {@link #HIGHLIGHTED}, ...). */
    public int[] nodeFlags() {
        return nodeFlags;
    }

    /** The radios' labels, null where a radio has none. */
    public String[] labels() {
        return labels;
    }

    /** Each link's first radio, by index. */
    public int[] linkFrom() {
        return linkFrom;
    }

    /** Each link's second radio, by index. */
    public int[] linkTo() {
        return linkTo;
    }

    /** The ARGB colour of each link's half next to its first radio: how the second receives the first. */
    public int[] forwardColors() {
        return forwardColors;
    }

    /** The ARGB colour of each link's half next to its second radio: how the first receives the second. */
    public int[] reverseColors() {
        return reverseColors;
    }

    /** The links' marks ({@link #STALE}, {@link #PREFERRED}, ...). */
    public int[] linkFlags() {
        return linkFlags;
    }

    /** Adds {@code flag} to the radios listed and takes it from every other radio. */
    public void markNodes(int flag, int... nodes) {
        for (int i = 0; i < nodeFlags.length; i++) {
            nodeFlags[i] &= ~flag;
        }
        for (int node : nodes) {
            nodeFlags[node] |= flag;
        }
    }

    /** Adds {@code flag} to the links listed and takes it from every other link. */
    public void markLinks(int flag, int... links) {
        for (int i = 0; i < linkFlags.length; i++) {
            linkFlags[i] &= ~flag;
        }
        for (int link : links) {
            linkFlags[link] |= flag;
        }
    }

    /** The smallest rectangle holding every radio, as {min x, min y, max x, max y}; all zero for an empty scene. */
    public float[] bounds() {
        if (x.length == 0) {
            return new float[4];
        }
        float[] bounds = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < x.length; i++) {
            bounds[0] = Math.min(bounds[0], x[i]);
            bounds[1] = Math.min(bounds[1], y[i]);
            bounds[2] = Math.max(bounds[2], x[i]);
            bounds[3] = Math.max(bounds[3], y[i]);
        }
        return bounds;
    }

    @Override
    public String toString() {
        return "MeshScene[" + x.length + " radios, " + linkFrom.length + " links, bounds "
                + Arrays.toString(bounds()) + "]";
    }
}
