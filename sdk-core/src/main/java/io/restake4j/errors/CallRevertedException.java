package io.restake4j.errors;

/**
 * A read-only call ({@code eth_call}) reverted. Carries the raw revert data.
 *
 * <pre>{@code
 * catch (CallRevertedException e) { System.out.println(e.target() + " reverted: " + e.revertData()); }
 * }</pre>
 */
public class CallRevertedException extends RestakeException {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final String revertData;

    public CallRevertedException(String message, String target, String revertData) {
        super(message);
        this.target = target;
        this.revertData = revertData;
    }

    /** The contract called. */
    public String target() {
        return target;
    }

    /** The revert data as 0x-hex ({@code 0x} when the call reverted without data). */
    public String revertData() {
        return revertData;
    }
}
