package io.gridside.sim.scenario;

/**
 * A scenario that cannot run, with the field that broke a rule and, for a step's field, the step's index, so
 * that the message points at the line to fix.
 */
public final class ScenarioException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final int step;

    /**
     * @param step the index of the step whose field is wrong, or -1 for a field of the scenario itself
     * @param field the field's name in the scenario file
     * @param problem what is wrong, as a sentence without its subject
     */
    public ScenarioException(String source, int step, String field, String problem) {
        super(source + ": " + (step < 0 ? "" : "step " + step + ", ") + "field '" + field + "' " + problem);
        this.step = step;
        this.field = field;
    }

    /** A scenario file that is not JSON at all. */
    public ScenarioException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.step = -1;
        this.field = null;
    }

    /** The field that broke a rule, as the file names it, or null when the file is not JSON. */
    public String field() {
        return field;
    }

    /** The index of the step at fault, from 0, or -1 when the fault is not in a step. */
    public int step() {
        return step;
    }
}
