package io.gridside.site;

import java.util.List;

/**
 * A refusal that names its sentence and keeps what goes in it, so that a console can word it in the technician's
 * language; its English message stays as written, for the log and the command line.
 */
public interface WordedRefusal {

    /** The sentence's name among a console's refusal texts, such as {@code amount.negative}: in no language. */
    String reason();

    /** What goes in that sentence's places, in order: what was typed, ids, limits. */
    List<Object> values();
}
