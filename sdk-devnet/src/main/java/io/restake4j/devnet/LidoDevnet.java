package io.restake4j.devnet;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.fixtures.lido.Lido;
import io.restake4j.devnet.fixtures.lido.WithdrawalQueueERC721;

/**
 * The Lido fixtures of a {@link Devnet} (stETH, wstETH, the withdrawal queue, the LidoLocator) and the oracle controls
 * tests need.
 *
 * <p>Every devnet deploys them at start from the {@link Devnet#deployer() deployer}
 * ({@code Builder.lido(false)} leaves them out). They implement Lido's user-facing interface with its
 * share accounting and rounding (every conversion rounds down), permits, wrapping, withdrawal requests,
 * checkpoints, hints and claims; governance and oracle functions revert {@code NotSupportedByFixture(string)}.
 * The devnet differs from Lido in that all pooled ether stays in the stETH contract (no validators, no external
 * shares; the 10% fee on rewards is fixed, half to {@link #TREASURY}, half to {@link #STAKING_MODULE}), staking
 * starts without a stake limit once resumed (stETH starts, as on mainnet, with {@link #BOOTSTRAP_ETHER} as 1e18
 * shares of 0xdead, stopped until {@code resume()}, which deploy sends), and the oracle is the deployer: {@link #report(BigInteger)} rebases and {@link #finalize(BigInteger)} finalizes
 * withdrawal requests in a report, as Lido's Accounting: batches priced by the queue's {@code prefinalize} at the
 * report's share rate, the requests' shares burnt by the {@link #burner() Burner}.
 *
 * <p>In {@code @DevnetTest} classes it can be a test parameter ({@code LidoDevnet lido}).
 *
 * <pre>{@code
 * LidoDevnet lido = devnet.lido;
 * // ... a user submits ETH and requests withdrawals through the SDK ...
 * lido.report(BigInteger.TEN.pow(17));      // +0.1 ETH rewards for all holders
 * lido.finalizeAll();                       // every pending request becomes claimable
 * }</pre>
 */
public final class LidoDevnet extends ProtocolDevnet {

    /** Limits of one withdrawal request, in stETH wei. */
    public static final BigInteger MIN_STETH_WITHDRAWAL_AMOUNT = BigInteger.valueOf(100);
    public static final BigInteger MAX_STETH_WITHDRAWAL_AMOUNT = BigInteger.TEN.pow(21);

    /** The transactions deploy() sends, in this order. */
    private enum Tx {
        LIDO, WSTETH, WITHDRAWAL_QUEUE, BURNER, LOCATOR, RESUME_LIDO, RESUME_WITHDRAWAL_QUEUE
    }

    /** The ether stETH's constructor mints to 0xdead as bootstrap shares, as Lido's initialize on mainnet. */
    public static final BigInteger BOOTSTRAP_ETHER = BigInteger.TEN.pow(18);
    /** The holder of the bootstrap shares. */
    public static final String BOOTSTRAP_HOLDER = "0x000000000000000000000000000000000000dEaD";
    /** The devnet treasury: positive reports mint it half of the 10% fee as stETH shares. */
    public static final String TREASURY = "0x000000000000000000000000000000000000FEE1";
    /** The devnet's one staking module: positive reports mint it the other half of the fee (5% of the rewards). */
    public static final String STAKING_MODULE = "0x000000000000000000000000000000000000fEE2";


    private LidoDevnet(Devnet devnet) {
        super(devnet, "Lido");
    }

    /**
     * Deploys the four fixtures (stETH with {@link #BOOTSTRAP_ETHER} for 0xdead, wstETH, the queue, the locator)
     * back to back with nonce-derived addresses, then resumes stETH and the queue (both start paused, as on
     * mainnet) through their {@code resume()}, and checks the receipts at the end.
     */
    static LidoDevnet deploy(Devnet devnet, Map<String, String> bytecodes) {
        FixtureDeployment d = FixtureDeployment.begin(devnet, "Lido", Tx.values());
        Address lido = new Address(d.address(Tx.LIDO));
        Address wstEth = new Address(d.address(Tx.WSTETH));
        Address queue = new Address(d.address(Tx.WITHDRAWAL_QUEUE));
        Address burner = new Address(d.address(Tx.BURNER));
        d.createPaying(Tx.LIDO, DevnetAddresses.LIDO_STETH, BOOTSTRAP_ETHER, bytecodes.get("Lido"), queue, burner);
        d.create(Tx.WSTETH, DevnetAddresses.LIDO_WSTETH, bytecodes.get("WstETH"), lido);
        d.create(Tx.WITHDRAWAL_QUEUE, DevnetAddresses.LIDO_WITHDRAWAL_QUEUE,
                bytecodes.get("WithdrawalQueueERC721"), lido, wstEth);
        d.create(Tx.BURNER, DevnetAddresses.LIDO_BURNER, bytecodes.get("Burner"), lido);
        d.create(Tx.LOCATOR, DevnetAddresses.LIDO_LOCATOR, bytecodes.get("LidoLocator"), lido, wstEth, queue, burner,
                new Address(TREASURY));
        String resume = FunctionEncoder.encode(new Function("resume", List.of(), List.of()));
        d.call(Tx.RESUME_LIDO, lido.getValue(), resume);
        d.call(Tx.RESUME_WITHDRAWAL_QUEUE, queue.getValue(), resume);
        d.finish();
        return new LidoDevnet(devnet);
    }

    /** Reads the creation bytecode of the four fixtures; the devnet does this while anvil starts. */
    static Map<String, String> loadBytecodes() {
        return Map.copyOf(bytecodes("lido", List.of("Lido", "WstETH", "WithdrawalQueueERC721", "Burner", "LidoLocator")));
    }

    // ---------------------------------------------------------------- addresses

    /** The stETH fixture ({@value DevnetAddresses#LIDO_STETH}), Lido's staking entry point. */
    public String stETH() {
        return address(DevnetAddresses.LIDO_STETH);
    }

    /** The wstETH fixture ({@value DevnetAddresses#LIDO_WSTETH}). */
    public String wstETH() {
        return address(DevnetAddresses.LIDO_WSTETH);
    }

    /** The LidoLocator fixture ({@value DevnetAddresses#LIDO_LOCATOR}): stETH, wstETH and the queue, as on mainnet. */
    public String locator() {
        return address(DevnetAddresses.LIDO_LOCATOR);
    }

    /** The WithdrawalQueueERC721 fixture ({@value DevnetAddresses#LIDO_WITHDRAWAL_QUEUE}). */
    public String withdrawalQueue() {
        return address(DevnetAddresses.LIDO_WITHDRAWAL_QUEUE);
    }

    /** The Burner fixture ({@value DevnetAddresses#LIDO_BURNER}): finalized requests' shares are burnt through it. */
    public String burner() {
        return address(DevnetAddresses.LIDO_BURNER);
    }

    // ---------------------------------------------------------------- oracle controls

    /**
     * An oracle report: adds {@code rewardsOrLossWei} to stETH's pooled ether (positive: rewards, paid by the
     * deployer) or takes it away (negative: a loss, the ether goes to the deployer). Every holder's balance
     * changes in proportion to their shares; their share counts do not. On rewards, 10% of them is minted as fee
     * shares, as Lido's Accounting ({@code rewards * fee * shares / (postEther * 1e20 - rewards * fee)}), half to
     * {@link #TREASURY}, half to {@link #STAKING_MODULE}. Emits {@code TokenRebased}. Finalizes nothing (see
     * {@link #reportAndFinalize(BigInteger, BigInteger)}).
     *
     * @throws DevnetException if the loss is not below the pooled ether (0xdead's bootstrap shares always exist)
     */
    public TransactionReceipt report(BigInteger rewardsOrLossWei) {
        return reportAndFinalize(rewardsOrLossWei, BigInteger.ZERO);
    }

    /**
     * One oracle report that also finalizes withdrawal requests up to {@code lastRequestId} (0: none), as
     * mainnet's reports do: the queue's batches are priced by {@code prefinalize} at the report's share rate (after
     * the rewards and their fee shares), the ether goes to the queue with {@code finalize}, and the requests' shares
     * are moved to the {@link #burner() Burner} and burnt there. A request then claims its stETH at request time,
     * or less if its own rate is above the report's; what the batch pricing locks beyond the claims (a few wei)
     * stays in the queue. One report finalizes at most 36 batches; see {@link #finalize(BigInteger)}.
     */
    public TransactionReceipt reportAndFinalize(BigInteger rewardsOrLossWei, BigInteger lastRequestId) {
        return send("report(" + rewardsOrLossWei + ", finalize up to " + lastRequestId + ")",
                () -> lido.send_devnetReport(rewardsOrLossWei, lastRequestId, rewardsValue(rewardsOrLossWei)).send());
    }

    /**
     * Finalizes every pending withdrawal request up to {@code lastRequestId}: oracle reports without rewards
     * ({@link #reportAndFinalize(BigInteger, BigInteger)}), one more while a report's 36-batch limit left some;
     * returns the last report's receipt. Each finalization adds a checkpoint at the report's share rate.
     *
     * @throws DevnetException if a report finalizes nothing (the id is not pending)
     */
    public TransactionReceipt finalize(BigInteger lastRequestId) {
        while (true) {
            BigInteger before = call("getLastFinalizedRequestId", () -> queue.call_getLastFinalizedRequestId().send());
            if (lastRequestId.compareTo(before) <= 0 || lastRequestId.compareTo(
                    call("getLastRequestId", () -> queue.call_getLastRequestId().send())) > 0) {
                throw new DevnetException("Lido: request " + lastRequestId + " is not pending (last finalized "
                        + before + ")");
            }
            TransactionReceipt receipt = reportAndFinalize(BigInteger.ZERO, lastRequestId);
            BigInteger after = call("getLastFinalizedRequestId", () -> queue.call_getLastFinalizedRequestId().send());
            if (after.compareTo(lastRequestId) >= 0) {
                return receipt;
            }
            if (after.equals(before)) {
                throw new DevnetException("Lido: a report finalized no request up to " + lastRequestId);
            }
        }
    }

    /** Finalizes every pending request; returns null when there is none. */
    public TransactionReceipt finalizeAll() {
        return finalizePending(() -> queue.call_getLastRequestId().send(),
                () -> queue.call_getLastFinalizedRequestId().send(), this::finalize);
    }

    /**
     * Sets Lido's sliding stake limit with StakeLimitUtils' rules: it regains {@code max / floor(max / increasePerBlock)}
     * per block; set over an active limit, it keeps the limit left by the last stake unless the new max is lower.
     */
    public TransactionReceipt setStakingLimit(BigInteger maxStakeLimit, BigInteger increasePerBlock) {
        return send("setStakingLimit", () -> lido.send_setStakingLimit(maxStakeLimit, increasePerBlock).send());
    }

    /**
     * Pauses the withdrawal queue for {@code seconds} ({@code 2^256-1}: until {@link #resumeWithdrawalQueue()}),
     * as the queue's {@code pauseFor}: requests and finalization revert {@code ResumedExpected()}, claims stay open.
     */
    public TransactionReceipt pauseWithdrawalQueueFor(BigInteger seconds) {
        return send("pauseFor(" + seconds + ")", () -> queue.send_pauseFor(seconds).send());
    }

    /** Resumes a paused withdrawal queue (the queue's {@code resume()}; reverts {@code PausedExpected()} if not paused). */
    public TransactionReceipt resumeWithdrawalQueue() {
        return send("resume the withdrawal queue", () -> queue.send_resume().send());
    }

    /** Removes the stake limit (the devnet starts without one). */
    public TransactionReceipt removeStakingLimit() {
        return send("removeStakingLimit", () -> lido.send_removeStakingLimit().send());
    }

    // ---------------------------------------------------------------- wrappers as the deployer

    private final Lido lido = asDeployer(stETH(), Lido::load);
    private final WithdrawalQueueERC721 queue = asDeployer(withdrawalQueue(), WithdrawalQueueERC721::load);
}
