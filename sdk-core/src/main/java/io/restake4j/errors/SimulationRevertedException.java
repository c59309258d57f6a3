package io.restake4j.errors;

/**
 * Simulating an operation showed that one of its steps would revert; nothing was signed or sent.
 *
 * <pre>{@code
 * catch (SimulationRevertedException e) {
 *     System.out.println("step " + e.stepIndex() + " (" + e.step() + ") would revert: " + e.revert());
 * }
 * }</pre>
 */
public class SimulationRevertedException extends RevertException {

    private static final long serialVersionUID = 1L;

    private final int stepIndex;
    private final String step;

    public SimulationRevertedException(int stepIndex, String step, DecodedRevert revert) {
        super("step " + (stepIndex + 1) + " (" + step + ") would revert: " + revert + "; nothing was sent", revert);
        this.stepIndex = stepIndex;
        this.step = step;
    }

    /** Zero-based index of the failing step in the operation. */
    public int stepIndex() {
        return stepIndex;
    }

    /** The failing step's description. */
    public String step() {
        return step;
    }
}
