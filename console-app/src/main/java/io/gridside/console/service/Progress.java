package io.gridside.console.service;

/** Receives how far a long piece of work has got. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (message, done, total) -> { };

    /**
     * @param message what is happening, for the technician
     * @param done how much is done, in any unit
     * @param total how much there is in all, or -1 when unknown
     */
    void update(String message, long done, long total);
}
