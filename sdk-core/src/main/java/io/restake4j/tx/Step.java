package io.restake4j.tx;

import java.math.BigInteger;
import java.util.Objects;
import java.util.function.Function;

import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.tx.Contract;
import org.web3j.tx.gas.DefaultGasProvider;

import io.restake4j.read.WrapperLoader;
import io.restake4j.read.internal.ReplayTransactionManager;

/**
 * One transaction of an {@link Operation}: where it goes, what it carries, and how to read its return
 * value. Immutable. Protocol packages build steps from the generated wrappers; the pipeline signs and
 * sends them.
 *
 * <pre>{@code
 * Step approve = Step.of("approve 10 dUSD for the vault", ERC20::load, token,
 *         erc20 -> erc20.call_approve(vault, amount.wei()));
 * Step raw = Step.raw("ping", target, "0x5c36b186", BigInteger.ZERO);
 * }</pre>
 */
public final class Step {

    private final String description;
    private final String to;
    private final String data;
    private final BigInteger value;
    private final Function<String, Object> decoder;
    private final BigInteger gasAllowance;

    private Step(String description, String to, String data, BigInteger value, Function<String, Object> decoder) {
        this(description, to, data, value, decoder, BigInteger.ZERO);
    }

    private Step(String description, String to, String data, BigInteger value, Function<String, Object> decoder,
            BigInteger gasAllowance) {
        this.description = Objects.requireNonNull(description, "description");
        this.to = Objects.requireNonNull(to, "to");
        this.data = data == null || data.isEmpty() ? "0x" : data;
        this.value = value == null ? BigInteger.ZERO : value;
        if (this.value.signum() < 0) {
            throw new IllegalArgumentException("value cannot be negative: " + value);
        }
        this.decoder = decoder;
        this.gasAllowance = Objects.requireNonNull(gasAllowance, "gasAllowance");
        if (gasAllowance.signum() < 0) {
            throw new IllegalArgumentException("gasAllowance cannot be negative: " + gasAllowance);
        }
    }

    /**
     * A step calling a generated wrapper's {@code call_x(...)} method: its calldata is the step's data,
     * and its result type is how the simulated return value is decoded (by the wrapper's own code).
     */
    public static <C extends Contract, T> Step of(String description, WrapperLoader<C> loader, String address,
            Function<C, RemoteFunctionCall<T>> call) {
        ReplayTransactionManager replay = new ReplayTransactionManager();
        C wrapper = loader.load(address, null, replay, new DefaultGasProvider());
        RemoteFunctionCall<T> remote = call.apply(wrapper);
        Function<String, Object> decoder = returnData -> {
            synchronized (replay) {
                replay.answerWith(returnData);
                try {
                    return remote.send();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot decode the return value of " + description + ": " + e.getMessage(), e);
                }
            }
        };
        return new Step(description, address, remote.encodeFunctionCall(), BigInteger.ZERO, decoder);
    }

    /** A step with hand-made calldata (no decoded return value). */
    public static Step raw(String description, String to, String data, BigInteger value) {
        return new Step(description, to, data, value, null);
    }

    /** The same step sending {@code wei} of ether along (for payable functions). */
    public Step withValue(BigInteger wei) {
        return new Step(description, to, data, wei, decoder, gasAllowance);
    }

    /**
     * The same step with {@code gas} more in its gas limit than its simulation and the margin give: for gas the
     * simulation cannot see. The case it exists for: a contract that keeps checkpoints keyed by
     * {@code block.timestamp} updates the last checkpoint in place when the simulated block shares its second,
     * but pushes a new one (new storage slots) when the real block lands a second later. Unused gas is not
     * paid; the allowance only raises the gas limit (and the balance the fee check asks for).
     *
     * <pre>{@code
     * Step deposit = Step.of("deposit", Vault::load, vault, v -> v.call_deposit(me, wei))
     *         .withGasAllowance(BigInteger.valueOf(3 * 45_000)); // three checkpoint traces
     * }</pre>
     */
    public Step withGasAllowance(BigInteger gas) {
        return new Step(description, to, data, value, decoder, gas);
    }

    /** Gas added to this step's limit on top of the simulation and the margin ({@link #withGasAllowance}); 0 by default. */
    public BigInteger gasAllowance() {
        return gasAllowance;
    }

    public String description() {
        return description;
    }

    public String to() {
        return to;
    }

    /** The calldata, 0x-hex. */
    public String data() {
        return data;
    }

    /** Ether sent with the call, in wei. */
    public BigInteger value() {
        return value;
    }

    /** Decodes a return value of this step; {@code null} when the step has no decoder or nothing was returned. */
    public Object decodeResult(String returnData) {
        if (decoder == null || returnData == null || returnData.length() <= 2) {
            return null;
        }
        return decoder.apply(returnData);
    }

    @Override
    public String toString() {
        return description + " -> " + to + " (" + (data.length() >= 10 ? data.substring(0, 10) : data)
                + (value.signum() > 0 ? ", value " + value + " wei" : "") + ")";
    }
}
