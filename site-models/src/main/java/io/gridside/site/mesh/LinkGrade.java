package io.gridside.site.mesh;

/** How well one direction of a link carries packets, from best to worst: what the mesh view colours a half by. */
public enum LinkGrade {
    /** Strong signal and nearly every packet through. */
    GOOD,
    /** Enough margin for steady traffic, with some retries. */
    FAIR,
    /** Close to the radio's sensitivity or losing many packets: still used, but the first to fail. */
    WEAK,
    /** Below sensitivity or losing more packets than it carries: no route should rely on it. */
    UNUSABLE
}
