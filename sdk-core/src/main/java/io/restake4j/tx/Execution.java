package io.restake4j.tx;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A finished operation as the pipeline hands it to a {@link Plan.ResultMapper}: the check values, the
 * steps sent and their receipts, and the preview they were simulated in.
 *
 * <pre>{@code
 * Plan.ResultMapper<BigInteger> minted = execution ->
 *         execution.events(Vault::getDepositedEvents).get(0).shares;
 * }</pre>
 *
 * @param checks   the values the checks read
 * @param steps    the steps sent, in order
 * @param receipts their receipts, in the same order
 * @param preview  the simulation they were sent after
 */
public record Execution(CheckResults checks, List<Step> steps, List<TransactionReceipt> receipts, Preview preview) {

    public Execution {
        steps = List.copyOf(steps);
        receipts = List.copyOf(receipts);
    }

    /** The receipt of the last step. */
    public TransactionReceipt lastReceipt() {
        return receipts.get(receipts.size() - 1);
    }

    /**
     * Events decoded from every receipt, in order, by a generated wrapper's extractor, e.g.
     * {@code ERC20::getTransferEvents}.
     */
    public <E> List<E> events(Function<TransactionReceipt, List<E>> extractor) {
        List<E> all = new ArrayList<>();
        receipts.forEach(r -> all.addAll(extractor.apply(r)));
        return all;
    }

    /**
     * Events decoded from the logs that {@code emitter} wrote, in order. Prefer this to
     * {@link #events(Function)} wherever other contracts may log an event with the same topic0 (an
     * ERC-721 and an ERC-20 {@code Transfer}, say): web3j's extractors decode every log whose topic0
     * matches, whoever emitted it, and fail on a shape they do not expect.
     */
    public <E> List<E> events(String emitter, Function<TransactionReceipt, List<E>> extractor) {
        List<E> all = new ArrayList<>();
        for (TransactionReceipt r : receipts) {
            TransactionReceipt only = new TransactionReceipt();
            only.setTransactionHash(r.getTransactionHash());
            only.setBlockNumber(r.getBlockNumberRaw());
            only.setLogs(r.getLogs().stream().filter(l -> emitter.equalsIgnoreCase(l.getAddress())).toList());
            all.addAll(extractor.apply(only));
        }
        return all;
    }

    /**
     * The sum of {@code value} over the events {@code emitter} wrote that {@code filter} accepts, e.g. the shares
     * of every {@code TransferShares} to an account.
     *
     * <pre>{@code
     * BigInteger shares = ex.sum(steth, Lido::getTransferSharesEvents, e -> e.to.equalsIgnoreCase(me), e -> e.sharesValue);
     * }</pre>
     */
    public <E> BigInteger sum(String emitter, Function<TransactionReceipt, List<E>> extractor,
            java.util.function.Predicate<? super E> filter, Function<? super E, BigInteger> value) {
        return events(emitter, extractor).stream().filter(filter).map(value).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** The sum of {@code value} over every event {@code emitter} wrote of this kind. */
    public <E> BigInteger sum(String emitter, Function<TransactionReceipt, List<E>> extractor,
            Function<? super E, BigInteger> value) {
        return sum(emitter, extractor, e -> true, value);
    }

    /**
     * The wei of ERC-20 {@code token} moved by its {@code Transfer} events from {@code from} to {@code to} in this
     * execution (either may be null for "anyone"; the zero address as {@code from} counts mints).
     */
    public BigInteger transferred(String token, String from, String to) {
        return sum(token, io.restake4j.contracts.common.ERC20::getTransferEvents,
                t -> (from == null || t.from.equalsIgnoreCase(from)) && (to == null || t.to.equalsIgnoreCase(to)),
                t -> t.value);
    }

    /** Total gas used by all steps. */
    public BigInteger gasUsed() {
        return receipts.stream().map(TransactionReceipt::getGasUsed).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** Total fees paid, in wei (gas used times effective gas price). */
    public BigInteger feesPaidWei() {
        return receipts.stream()
                .map(r -> r.getGasUsed().multiply(r.getEffectiveGasPrice() == null ? BigInteger.ZERO
                        : org.web3j.utils.Numeric.decodeQuantity(r.getEffectiveGasPrice())))
                .reduce(BigInteger.ZERO, BigInteger::add);
    }
}
