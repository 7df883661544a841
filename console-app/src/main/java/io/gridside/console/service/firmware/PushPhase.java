package io.gridside.console.service.firmware;

/** Where a firmware push stands, in the order a push goes through them. */
public enum PushPhase {
    /** The image file is read and checked against the keys trusted and what the gateway or its meters run. */
    CHECKING,
    /** The gateway is offered the signed manifest and says which chunks it holds already. */
    OFFERING,
    /** The chunks the gateway lacks are on their way. */
    SENDING,
    /** The gateway installs its image: inactive slot, trial boot, health checks, confirm or revert. */
    INSTALLING,
    /** The push is over. */
    DONE
}
