package io.restake4j.read;

import java.util.Objects;
import java.util.Optional;

import org.web3j.protocol.core.RemoteFunctionCall;

import io.restake4j.errors.CallRevertedException;
import io.restake4j.errors.RestakeException;
import io.restake4j.errors.RevertDecoder;
import io.restake4j.read.internal.ReplayTransactionManager;

/**
 * One typed read in a {@link ReadBatch}: empty until the batch executes, then either a value decoded
 * exactly as the generated wrapper decodes it, or the call's revert.
 *
 * <pre>{@code
 * Read<BigInteger> balance = batch.add(ERC20::load, token, erc20 -> erc20.call_balanceOf(owner));
 * batch.execute();
 * BigInteger wei = balance.get();
 * }</pre>
 *
 * @param <T> the wrapper method's result type
 */
public final class Read<T> {

    private final String target;
    private final RemoteFunctionCall<T> call;
    private final ReplayTransactionManager replay;
    private final String calldata;
    private volatile State<T> state;

    private record State<T>(boolean success, T value, String revertData, RuntimeException decodeFailure) {
    }

    Read(String target, RemoteFunctionCall<T> call, ReplayTransactionManager replay) {
        this.target = Objects.requireNonNull(target, "target");
        this.call = Objects.requireNonNull(call, "call");
        this.replay = replay;
        this.calldata = call.encodeFunctionCall();
    }

    /** The contract called. */
    public String target() {
        return target;
    }

    /** The encoded call. */
    public String calldata() {
        return calldata;
    }

    /** Whether the batch holding this read has executed. */
    public boolean isDone() {
        return state != null;
    }

    /** Whether the call succeeded (and decoded). */
    public boolean succeeded() {
        State<T> s = requireDone();
        return s.success && s.decodeFailure == null;
    }

    /**
     * The value.
     *
     * @throws CallRevertedException when the call reverted
     * @throws RestakeException when the answer could not be decoded (e.g. no contract at the target)
     * @throws IllegalStateException before the batch executed
     */
    public T get() {
        State<T> s = requireDone();
        if (!s.success) {
            throw new CallRevertedException(target, RevertDecoder.standard().decode(s.revertData));
        }
        if (s.decodeFailure != null) {
            throw s.decodeFailure;
        }
        return s.value;
    }

    /** The value, or empty when the call reverted or did not decode. */
    public Optional<T> value() {
        return succeeded() ? Optional.ofNullable(state.value) : Optional.empty();
    }

    /** The revert data of a failed call, as 0x-hex. */
    public Optional<String> revertData() {
        State<T> s = requireDone();
        return s.success ? Optional.empty() : Optional.of(s.revertData);
    }

    void complete(boolean success, String returnData) {
        if (!success) {
            state = new State<>(false, null, returnData, null);
            return;
        }
        synchronized (replay) {
            replay.answerWith(returnData);
            try {
                state = new State<>(true, call.send(), null, null);
            } catch (Exception e) {
                if (returnData == null || returnData.length() <= 2) {
                    // An empty answer to a call that returns something: no contract there (a wrong address, or a
                    // preset on another chain), or one without this function and with a silent fallback.
                    state = new State<>(true, null, null, new io.restake4j.errors.InvalidInputException(
                            io.restake4j.errors.ErrorCode.UNKNOWN_DEPLOYMENT, "there is no contract at " + target
                                    + " answering " + calldata.substring(0, Math.min(10, calldata.length()))
                                    + " (the answer was empty): check the address, and that the client is on the"
                                    + " chain it is deployed on"));
                    return;
                }
                state = new State<>(true, null, null, new RestakeException("could not decode the answer of "
                        + target + " to " + calldata.substring(0, Math.min(10, calldata.length())) + " ("
                        + (returnData.length() <= 2 ? "empty: is there a contract at that address?" : returnData)
                        + "): " + e.getMessage(), e));
            }
        }
    }

    private State<T> requireDone() {
        State<T> s = state;
        if (s == null) {
            throw new IllegalStateException("the batch holding this read has not been executed");
        }
        return s;
    }

    @Override
    public String toString() {
        State<T> s = state;
        return "Read[" + target + " " + calldata.substring(0, Math.min(10, calldata.length()))
                + (s == null ? ", pending" : s.success ? ", " + s.value : ", reverted") + "]";
    }
}
