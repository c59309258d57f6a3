package io.restake4j.errors;

/**
 * Something reverted; {@link #revert()} says why, decoded.
 *
 * <pre>{@code
 * catch (RevertException e) { System.out.println(e.revert().name()); }
 * }</pre>
 */
public abstract class RevertException extends RestakeException {

    private static final long serialVersionUID = 1L;

    private final transient DecodedRevert revert;

    protected RevertException(String message, DecodedRevert revert) {
        super(message);
        this.revert = revert;
    }

    /** The decoded reason. */
    public DecodedRevert revert() {
        return revert;
    }
}
