package io.gridside.console.service.firmware;

/** Stand-in until the firmware service lands; replaced on merge. */
public enum PushPhase {
    CHECKING, OFFERING, SENDING, INSTALLING, DONE
}
