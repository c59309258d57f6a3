package io.restake4j.devnet;

/**
 * A devnet could not be started, controlled or stopped.
 *
 * <pre>{@code
 * try (Devnet devnet = Devnet.start()) { ... }
 * catch (DevnetException e) { System.err.println(e.getMessage()); } // e.g. "anvil was not found ..."
 * }</pre>
 */
public class DevnetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DevnetException(String message) {
        super(message);
    }

    public DevnetException(String message, Throwable cause) {
        super(message, cause);
    }
}
