package io.gridside.console.mesh;

/** How the mesh view places its radios: as a tree by hop around the gateway, or where they stand on the map. */
public enum MeshLayout {
    /** The gateway at the centre, each hop a ring, each subtree a wedge. */
    TREE("tree"),
    /** Each radio at its latitude and longitude, in metres around the site's centre. */
    MAP("map");

    private final String key;

    MeshLayout(String key) {
        this.key = key;
    }

    /** The name the site database keeps the layout's chosen positions under. */
    public String key() {
        return key;
    }
}
