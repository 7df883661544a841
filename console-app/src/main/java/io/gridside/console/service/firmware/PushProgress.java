package io.gridside.console.service.firmware;

/** Hears how a firmware push goes, on the thread that pushes. */
@FunctionalInterface
public interface PushProgress {

    PushProgress NONE = (phase, held, chunkCount, bytesSent) -> { };

    /**
     * @param held how many of the image's chunks the gateway holds now (0 before the offer)
     * @param chunkCount how many chunks the image has (0 before the image is read)
     * @param bytesSent chunk bytes this push has sent so far
     */
    void onProgress(PushPhase phase, int held, int chunkCount, long bytesSent);
}
