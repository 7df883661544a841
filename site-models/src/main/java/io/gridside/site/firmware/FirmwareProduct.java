package io.gridside.site.firmware;

/** What a firmware image runs on: the site's gateway, or its meters, which the gateway updates over the mesh. */
public enum FirmwareProduct {
    GATEWAY,
    METER
}
