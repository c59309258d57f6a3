package io.restake4j.devnet;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

import io.restake4j.devnet.internal.FixtureArtifact;

/**
 * What the protocol controls of a {@link Devnet} share: the devnet and the protocol's name, the fixtures'
 * addresses from the devnet's address book, wrappers loaded as the deployer (or another account), and
 * fixture calls whose every failure (a revert, an exception) becomes a {@link DevnetException} naming the
 * protocol and the call.
 *
 * <pre>{@code
 * final class SomeDevnet extends ProtocolDevnet {
 *     SomeDevnet(Devnet devnet) { super(devnet, "Some"); }
 *     public TransactionReceipt pause() {
 *         return send("pause", () -> asDeployer(address("some.pool"), Pool::load).send_pause().send());
 *     }
 * }
 * }</pre>
 */
abstract sealed class ProtocolDevnet permits EigenLayerDevnet, EtherFiDevnet, KarakDevnet, LidoDevnet, RocketPoolDevnet,
        SymbioticDevnet {

    /** A fixture call that may throw (a wrapper's {@code send()}). */
    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }

    /** A generated wrapper's {@code load(address, web3j, transactionManager, gasProvider)}. */
    @FunctionalInterface
    interface Loader<T> {
        T load(String address, Web3j web3j, TransactionManager transactionManager, ContractGasProvider gasProvider);
    }

    private final Devnet devnet;
    private final String protocol;

    ProtocolDevnet(Devnet devnet, String protocol) {
        this.devnet = devnet;
        this.protocol = protocol;
    }

    /** The devnet these fixtures run on. */
    final Devnet devnet() {
        return devnet;
    }

    /** The address registered under {@code name} in the devnet's address book. */
    final String address(String name) {
        return devnet.addresses().require(name);
    }

    /** The wrapper of the contract at {@code address}, sending as the deployer. */
    final <T> T asDeployer(String address, Loader<T> loader) {
        return as(devnet.deployer(), address, loader);
    }

    /** The wrapper of the contract at {@code address}, sending as {@code who}. */
    final <T> T as(Credentials who, String address, Loader<T> loader) {
        return loader.load(address, devnet.web3j(), devnet.transactionManager(who), devnet.gasProvider());
    }

    /** Sends a control transaction; a revert or a failure is a {@link DevnetException} naming the protocol and {@code what}. */
    final TransactionReceipt send(String what, Call<TransactionReceipt> call) {
        TransactionReceipt receipt = call(what, call);
        if (!receipt.isStatusOK()) {
            throw new DevnetException(protocol + " " + what + " reverted (tx " + receipt.getTransactionHash() + ")");
        }
        return receipt;
    }

    /** Runs a read or several steps through wrappers; a failure is a {@link DevnetException} naming the protocol and {@code what}. */
    final <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (DevnetException e) {
            throw e;
        } catch (Exception e) {
            throw new DevnetException(protocol + " " + what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Finalizes the pending withdrawal requests through {@code finalize} up to the last one, or returns null
     * when the last request is already finalized (or there is none).
     */
    final TransactionReceipt finalizePending(Call<BigInteger> lastRequestId, Call<BigInteger> lastFinalizedRequestId,
            Function<BigInteger, TransactionReceipt> finalize) {
        BigInteger last = call("read the last request id", lastRequestId);
        BigInteger finalized = call("read the last finalized request id", lastFinalizedRequestId);
        return last.equals(finalized) ? null : finalize.apply(last);
    }

    /** What an oracle report sends along: a positive {@code rewardsOrLossWei} as value (rewards), otherwise nothing. */
    static BigInteger rewardsValue(BigInteger rewardsOrLossWei) {
        return rewardsOrLossWei.signum() > 0 ? rewardsOrLossWei : BigInteger.ZERO;
    }

    /** The creation bytecode of the fixtures {@code names} of {@code folder}, by name (from the jar's artifacts). */
    static Map<String, String> bytecodes(String folder, List<String> names) {
        Map<String, String> out = new HashMap<>();
        for (String name : names) {
            out.put(name, FixtureArtifact.load(folder, name).bytecode());
        }
        return out;
    }
}
