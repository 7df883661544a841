package io.gridside.site.commission;

/** How a meter's links measure against the commissioning thresholds, from best to worst. */
public enum LinkVerdict {
    /** Every measure has the margin to last years of rain, foliage and new buildings. */
    PASS,
    /** Working today, with little margin: worth a suggestion before the technician leaves. */
    ATTENTION,
    /** Too weak to rely on: the meter must not go live on this link. */
    FAIL
}
