package io.restake4j.tx;

/**
 * Observes an operation's progress: simulated, then per step signed, sent, mined, confirmed; or
 * failed. Called on the thread running the operation; keep it quick and do not throw (exceptions are
 * logged and ignored).
 *
 * <pre>{@code
 * operation.withListener(e -> System.out.println(e.stage() + " " + e.transactionHash())).send();
 * }</pre>
 */
@FunctionalInterface
public interface OperationListener {

    void onEvent(OperationEvent event);
}
