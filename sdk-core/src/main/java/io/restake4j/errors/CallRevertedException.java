package io.restake4j.errors;

/**
 * A read-only call ({@code eth_call}) reverted.
 *
 * <pre>{@code
 * catch (CallRevertedException e) { System.out.println(e.target() + " reverted: " + e.revert()); }
 * }</pre>
 */
public class CallRevertedException extends RevertException {

    private static final long serialVersionUID = 1L;

    private final String target;

    public CallRevertedException(String target, DecodedRevert revert) {
        super("call to " + target + " reverted: " + revert, revert);
        this.target = target;
    }

    /** The contract called. */
    public String target() {
        return target;
    }

    /** The raw revert data, 0x-hex. */
    public String revertData() {
        return revert().data();
    }
}
