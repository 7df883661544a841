package io.gridside.link.client;

import java.util.List;

/** Receives a stream batch by batch, on the thread that pulls it. */
@FunctionalInterface
public interface BatchListener<T> {

    /**
     * @param received how many items have arrived so far, this batch included
     * @param total how many the stream holds in all
     */
    void onBatch(List<T> batch, long received, long total) throws Exception;
}
