package io.restake4j.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.tx.Contract;
import org.web3j.tx.gas.DefaultGasProvider;

import io.restake4j.read.internal.ReplayTransactionManager;

/**
 * Typed reads collected to run together, at one block, in as few {@code eth_call}s as possible (one
 * Multicall3 {@code aggregate3} per {@link MulticallReader#maxCallsPerRequest()} reads). A failing
 * read does not fail the others. Not thread-safe; single use.
 *
 * <pre>{@code
 * ReadBatch batch = reader.newBatch();
 * List<Read<BigInteger>> balances = owners.stream()
 *         .map(owner -> batch.add(ERC20::load, token, erc20 -> erc20.call_balanceOf(owner)))
 *         .toList();
 * int requests = batch.execute();                     // 1: one eth_call
 * balances.forEach(b -> System.out.println(b.get()));
 * }</pre>
 */
public final class ReadBatch {

    private final MulticallReader reader;
    private final List<Read<?>> reads = new ArrayList<>();
    private boolean executed;

    ReadBatch(MulticallReader reader) {
        this.reader = reader;
    }

    /**
     * Adds a read made with a generated wrapper's {@code call_x(...)} method.
     *
     * @param loader  the wrapper's {@code load} method, e.g. {@code ERC20::load}
     * @param address the contract to read
     * @param call    picks the read on the wrapper, e.g. {@code erc20 -> erc20.call_balanceOf(owner)}
     */
    public <C extends Contract, T> Read<T> add(WrapperLoader<C> loader, String address,
            Function<C, RemoteFunctionCall<T>> call) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(call, "call");
        if (executed) {
            throw new IllegalStateException("this batch has already been executed; start a new one");
        }
        ReplayTransactionManager replay = new ReplayTransactionManager();
        C wrapper = loader.load(address, reader.web3j(), replay, new DefaultGasProvider());
        Read<T> read = new Read<>(address, call.apply(wrapper), replay);
        reads.add(read);
        return read;
    }

    /**
     * Adds a read of a function no wrapper has (one the build left out and that is encoded by hand, see
     * {@link io.restake4j.contracts.HandEncoded}): {@code function} is the encoded call, {@code decoder} turns
     * the raw return data (0x-hex) into the value. It runs in the batch like any other read.
     *
     * <pre>{@code
     * Function f = HandEncoded.function("getQueuedWithdrawals(address)", List.of(new Address(staker)));
     * Read<List<Entry>> all = batch.add(delegationManager, f, QueuedWithdrawals::decode);
     * }</pre>
     */
    public <T> Read<T> add(String address, org.web3j.abi.datatypes.Function function,
            Function<String, T> decoder) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(decoder, "decoder");
        if (executed) {
            throw new IllegalStateException("this batch has already been executed; start a new one");
        }
        ReplayTransactionManager replay = new ReplayTransactionManager();
        RemoteFunctionCall<T> call = new RemoteFunctionCall<>(function,
                () -> decoder.apply(replay.sendCall(address, null, null)));
        Read<T> read = new Read<>(address, call, replay);
        reads.add(read);
        return read;
    }

    public int size() {
        return reads.size();
    }

    /**
     * Runs every read at the latest block.
     *
     * @return how many {@code eth_call} requests it took
     */
    public int execute() {
        return execute(DefaultBlockParameterName.LATEST);
    }

    /**
     * Runs every read at {@code block}.
     *
     * @return how many {@code eth_call} requests it took
     */
    public int execute(DefaultBlockParameter block) {
        if (executed) {
            throw new IllegalStateException("this batch has already been executed");
        }
        executed = true;
        return reader.execute(List.copyOf(reads), Objects.requireNonNull(block, "block"));
    }
}
