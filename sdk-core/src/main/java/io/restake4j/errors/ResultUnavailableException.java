package io.restake4j.errors;

/**
 * Every transaction of an operation was mined successfully, but its typed result could not be built from
 * the receipts. Nothing needs sending again: {@link #outcome()} has every receipt.
 *
 * <pre>{@code
 * catch (ResultUnavailableException e) { audit(e.outcome().orElseThrow().receipts()); }
 * }</pre>
 */
public class ResultUnavailableException extends RestakeException {

    private static final long serialVersionUID = 1L;

    public ResultUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
