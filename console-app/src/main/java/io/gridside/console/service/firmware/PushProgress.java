package io.gridside.console.service.firmware;

/** Stand-in until the firmware service lands; replaced on merge. */
public interface PushProgress {

    void onProgress(PushPhase phase, int held, int chunkCount, long bytesSent);
}
