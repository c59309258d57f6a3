package io.restake4j.read;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

import io.restake4j.contracts.common.Multicall3;
import io.restake4j.errors.RpcException;
import io.restake4j.rpc.TransportFailures;
import io.restake4j.read.internal.ReplayTransactionManager;

/**
 * Runs many typed reads in one {@code eth_call} through Multicall3's {@code aggregate3}, each read
 * allowed to fail on its own, all at the same block. Where no Multicall3 is deployed (the node
 * answers an empty result), it falls back to one {@code eth_call} per read and remembers that.
 * Thread-safe; share one per node.
 *
 * <pre>{@code
 * MulticallReader reader = MulticallReader.create(web3j);
 * ReadBatch batch = reader.newBatch();
 * Read<BigInteger> a = batch.add(ERC20::load, token, t -> t.call_balanceOf(alice));
 * Read<BigInteger> b = batch.add(ERC20::load, token, t -> t.call_balanceOf(bob));
 * batch.execute();
 * }</pre>
 */
public final class MulticallReader {

    /** Multicall3's address on nearly every EVM chain. */
    public static final String CANONICAL_MULTICALL3 = "0xcA11bde05977b3631167028862bE2a173976CA11";

    private static final Logger LOG = LoggerFactory.getLogger(MulticallReader.class);

    private final Web3j web3j;
    private final String multicallAddress;
    private final int maxCallsPerRequest;
    private volatile boolean multicallMissing;
    private final Long expectedChainId;
    private volatile boolean chainVerified;

    private MulticallReader(Builder b) {
        this.web3j = b.web3j;
        this.multicallAddress = b.multicallAddress;
        this.maxCallsPerRequest = b.maxCallsPerRequest;
        this.multicallMissing = !b.useMulticall;
        this.expectedChainId = b.expectedChainId;
        this.chainVerified = b.expectedChainId == null;
    }

    /** A reader using Multicall3 at its canonical address, 500 reads per request at most. */
    public static MulticallReader create(Web3j web3j) {
        return builder(web3j).build();
    }

    public static Builder builder(Web3j web3j) {
        return new Builder(web3j);
    }

    public ReadBatch newBatch() {
        return new ReadBatch(this);
    }

    /**
     * One read on its own (a plain {@code eth_call}, no Multicall3), for a value needed before anything else
     * can be read.
     *
     * <pre>{@code
     * BigInteger shares = reader.readOne(Lido::load, steth, l -> l.call_sharesOf(owner));
     * }</pre>
     *
     * @throws io.restake4j.errors.CallRevertedException when the call reverts
     */
    public <C extends org.web3j.tx.Contract, T> T readOne(WrapperLoader<C> loader, String address,
            java.util.function.Function<C, RemoteFunctionCall<T>> call) {
        ReadBatch batch = newBatch();
        Read<T> read = batch.add(loader, address, call);
        batch.execute();
        return read.get();
    }

    public int maxCallsPerRequest() {
        return maxCallsPerRequest;
    }

    /** Whether reads currently go through Multicall3 (false once it was found missing). */
    public boolean usesMulticall() {
        return !multicallMissing;
    }

    Web3j web3j() {
        return web3j;
    }

    /** Executes {@code reads}; returns the number of eth_call requests sent. */
    int execute(List<Read<?>> reads, DefaultBlockParameter block) {
        int requests = 0;
        if (!chainVerified && multicallMissing) {
            requests++;
            verifyChainByRpc();
        }
        for (int from = 0; from < reads.size(); from += maxCallsPerRequest) {
            List<Read<?>> chunk = reads.subList(from, Math.min(reads.size(), from + maxCallsPerRequest));
            boolean aggregated = false;
            if (!multicallMissing) {
                requests++;
                aggregated = aggregate(chunk, block);
            }
            if (!aggregated) {
                for (Read<?> read : chunk) {
                    requests++;
                    single(read, block);
                }
            }
        }
        return requests;
    }

    /** One aggregate3 for {@code chunk}; false when the node has no Multicall3 at the address. */
    @SuppressWarnings("rawtypes") // web3j's decodeFunctionResponse returns a raw List<Type>
    private boolean aggregate(List<Read<?>> chunk, DefaultBlockParameter block) {
        List<Multicall3.Call3> calls = new java.util.ArrayList<>(chunk.stream()
                .map(r -> new Multicall3.Call3(r.target(), Boolean.TRUE, Numeric.hexStringToByteArray(r.calldata())))
                .toList());
        Multicall3 multicall = Multicall3.load(multicallAddress, web3j, new ReplayTransactionManager(), new DefaultGasProvider());
        boolean checkChain = !chainVerified;
        if (checkChain) { // the first read of this client also asks the chain its id, in the same call
            calls.add(new Multicall3.Call3(multicallAddress, Boolean.TRUE,
                    Numeric.hexStringToByteArray(multicall.call_getChainId().encodeFunctionCall())));
        }
        RemoteFunctionCall<?> aggregate3 = multicall.call_aggregate3(calls);
        EthCall response = ethCall(multicallAddress, aggregate3.encodeFunctionCall(), block);
        if (response.isReverted() || response.hasError()) {
            throw new RpcException("Multicall3 aggregate3 of " + chunk.size() + " reads failed: "
                    + (response.hasError() ? response.getError().getMessage() : response.getRevertReason()), false, null);
        }
        String value = response.getValue();
        if (value == null || Numeric.cleanHexPrefix(value).isEmpty()) {
            LOG.warn("no Multicall3 at {}: reading one call at a time", multicallAddress);
            multicallMissing = true;
            if (!chainVerified) {
                verifyChainByRpc();
            }
            return false;
        }
        List<Type> decoded = aggregate3.decodeFunctionResponse(value);
        @SuppressWarnings("unchecked")
        List<Multicall3.Result> results = new java.util.ArrayList<>(((DynamicArray<Multicall3.Result>) decoded.get(0)).getValue());
        if (checkChain && results.size() == chunk.size() + 1) {
            Multicall3.Result id = results.remove(results.size() - 1);
            byte[] word = id.returnData;
            if (!id.success || word.length != 32) {
                verifyChainByRpc();
            } else {
                verifyChain(new java.math.BigInteger(1, word));
            }
        }
        if (results.size() != chunk.size()) {
            throw new RpcException("Multicall3 answered " + results.size() + " results for " + chunk.size() + " reads",
                    false, null);
        }
        for (int i = 0; i < chunk.size(); i++) {
            chunk.get(i).complete(results.get(i).success, Numeric.toHexString(results.get(i).returnData));
        }
        return true;
    }

    private void verifyChain(java.math.BigInteger actual) {
        if (actual.bitLength() > 63 || actual.longValue() != expectedChainId) {
            throw new io.restake4j.errors.ChainMismatchException(expectedChainId, actual.bitLength() > 63 ? -1 : actual.longValue());
        }
        chainVerified = true;
    }

    private void verifyChainByRpc() {
        try {
            org.web3j.protocol.core.methods.response.EthChainId id = web3j.ethChainId().send();
            if (id.hasError()) {
                throw TransportFailures.toRpcException("eth_chainId", id.getError());
            }
            verifyChain(id.getChainId());
        } catch (IOException | RuntimeException e) {
            if (e instanceof io.restake4j.errors.RestakeException r) {
                throw r;
            }
            throw TransportFailures.toRpcException("eth_chainId", e);
        }
    }

    private void single(Read<?> read, DefaultBlockParameter block) {
        EthCall response = ethCall(read.target(), read.calldata(), block);
        if (response.isReverted()) {
            String data = response.getRevertReasonEncodedData();
            read.complete(false, data == null ? "0x" : data.replace("\"", ""));
        } else if (response.hasError()) {
            throw new RpcException("eth_call to " + read.target() + " failed: " + response.getError().getMessage(),
                    false, null);
        } else {
            read.complete(true, response.getValue());
        }
    }

    private EthCall ethCall(String to, String data, DefaultBlockParameter block) {
        try {
            return web3j.ethCall(Transaction.createEthCallTransaction(null, to, data), block).send();
        } catch (IOException | RuntimeException e) {
            throw TransportFailures.toRpcException("eth_call to " + to, e);
        }
    }

    /**
     * Configures a {@link MulticallReader}.
     *
     * <pre>{@code
     * MulticallReader.builder(web3j).multicallAddress(address).maxCallsPerRequest(200).build();
     * }</pre>
     */
    public static final class Builder {
        private final Web3j web3j;
        private String multicallAddress = CANONICAL_MULTICALL3;
        private int maxCallsPerRequest = 500;
        private boolean useMulticall = true;
        private Long expectedChainId;

        private Builder(Web3j web3j) {
            this.web3j = Objects.requireNonNull(web3j, "web3j");
        }

        public Builder multicallAddress(String address) {
            this.multicallAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** Reads per aggregate3 request (keeps each eth_call under the node's gas and size limits). */
        public Builder maxCallsPerRequest(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxCallsPerRequest must be positive, was " + max);
            }
            this.maxCallsPerRequest = max;
            return this;
        }

        /**
         * The chain the reads are meant for: the first read also asks the chain its id (inside the same
         * Multicall3 call; by {@code eth_chainId} without Multicall3) and every read is refused with a
         * {@link io.restake4j.errors.ChainMismatchException} on another chain. Unset: not checked.
         */
        public Builder expectChainId(long chainId) {
            this.expectedChainId = chainId;
            return this;
        }

        /** {@code false}: never use Multicall3, one eth_call per read. */
        public Builder useMulticall(boolean use) {
            this.useMulticall = use;
            return this;
        }

        public MulticallReader build() {
            return new MulticallReader(this);
        }
    }

    @Override
    public String toString() {
        return "MulticallReader[" + (multicallMissing ? "no multicall" : multicallAddress) + ", max " + maxCallsPerRequest
                + " per request]";
    }

}
