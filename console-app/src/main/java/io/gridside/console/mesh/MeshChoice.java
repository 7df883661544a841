package io.gridside.console.mesh;

import java.util.Arrays;

/**
 * What the technician pointed at in a list beside the map: the radios and links to highlight there, by their
 * indexes in the mesh graph the list was made from.
 */
public record MeshChoice(int[] nodes, int[] links) {

    public MeshChoice {
        nodes = nodes.clone();
        links = links.clone();
    }

    @Override
    public int[] nodes() {
        return nodes.clone();
    }

    @Override
    public int[] links() {
        return links.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MeshChoice choice && Arrays.equals(nodes, choice.nodes)
                && Arrays.equals(links, choice.links);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nodes) + Arrays.hashCode(links);
    }

    @Override
    public String toString() {
        return "MeshChoice[nodes " + Arrays.toString(nodes) + ", links " + Arrays.toString(links) + "]";
    }
}
