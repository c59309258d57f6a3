package io.restake4j.devnet;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.fixtures.etherfi.EtherFiRateLimiter;
import io.restake4j.devnet.fixtures.etherfi.LiquidityPool;
import io.restake4j.devnet.fixtures.etherfi.WithdrawRequestNFT;

/**
 * The ether.fi fixtures of a {@link Devnet} (LiquidityPool, eETH, weETH, WithdrawRequestNFT and the
 * eETH rate limiter) and the oracle controls tests need.
 *
 * <p>Every devnet deploys them at start from the {@link Devnet#deployer() deployer}
 * ({@code Builder.etherFi(false)} leaves them out). They implement ether.fi's user-facing interface after
 * the 26Q2 upgrade: the pool's share math and rounding (deposits and {@code sharesForAmount} round down,
 * {@code sharesForWithdrawalAmount} up), rebasing eETH with permits, weETH wrapping, withdrawal requests
 * bounded by {@code minWithdrawAmount}/{@code maxWithdrawAmount} (0.001 / 1000 ETH), finalization at a frozen
 * rate and permissionless claims, and the eETH mint/burn buckets of the rate limiter (in gwei, mainnet's
 * capacities and refill rates by default). The devnet differs from ether.fi in that all pooled ether stays
 * in the pool (no validators, fees or caps) and the oracle is the deployer: {@link #rebase(BigInteger)}
 * adds rewards or takes a loss, {@link #finalize(BigInteger)} finalizes withdrawal requests.
 *
 * <p>In {@code @DevnetTest} classes it can be a test parameter ({@code EtherFiDevnet etherFi}).
 *
 * <pre>{@code
 * EtherFiDevnet etherFi = devnet.etherFi();
 * // ... a user deposits ETH and requests a withdrawal through the SDK ...
 * etherFi.rebase(BigInteger.TEN.pow(17));     // +0.1 ETH rewards for all eETH holders
 * etherFi.finalizeAll();                      // every pending request becomes claimable
 * }</pre>
 */
public final class EtherFiDevnet extends ProtocolDevnet {

    /** The pool's withdrawal request bounds at start, in eETH wei (mainnet's 0.001 ETH and 1000 ETH). */
    public static final BigInteger MIN_WITHDRAW_AMOUNT = BigInteger.TEN.pow(15);
    public static final BigInteger MAX_WITHDRAW_AMOUNT = BigInteger.TEN.pow(21);

    /** The eETH buckets of the rate limiter at start, in gwei (mainnet's values). */
    public static final BigInteger DEFAULT_MINT_CAPACITY_GWEI = new BigInteger("30000000000000");
    public static final BigInteger DEFAULT_MINT_REFILL_GWEI_PER_SECOND = BigInteger.valueOf(2_083_333_333L);
    public static final BigInteger DEFAULT_BURN_CAPACITY_GWEI = new BigInteger("25000000000000");
    public static final BigInteger DEFAULT_BURN_REFILL_GWEI_PER_SECOND = BigInteger.valueOf(1_736_111_111L);

    /**
     * The two eETH buckets of the rate limiter.
     *
     * <pre>{@code
     * etherFi.setRateLimit(EtherFiDevnet.Bucket.MINT, BigInteger.valueOf(5_000_000_000L), BigInteger.ZERO); // 5 ETH, no refill
     * }</pre>
     */
    public enum Bucket {
        /** Spent by deposits (eETH minted), id keccak256("EETH_MINT_LIMIT_ID"). */
        MINT("EETH_MINT_LIMIT_ID"),
        /** Spent by claims (eETH burnt), id keccak256("EETH_BURN_LIMIT_ID"). */
        BURN("EETH_BURN_LIMIT_ID");

        private final byte[] id;

        Bucket(String name) {
            this.id = Hash.sha3(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }

        /** The bucket id (32 bytes). */
        public byte[] id() {
            return id.clone();
        }
    }

    /** The transactions deploy() sends, in this order. */
    private enum Tx {
        RATE_LIMITER, LIQUIDITY_POOL, EETH, WEETH, WITHDRAW_REQUEST_NFT, MINT_LIMIT, BURN_LIMIT
    }


    private EtherFiDevnet(Devnet devnet) {
        super(devnet, "ether.fi");
    }

    /** Deploys the fixtures back to back with nonce-derived addresses, sets the buckets, checks the receipts. */
    static EtherFiDevnet deploy(Devnet devnet, Map<String, String> bytecodes) {
        FixtureDeployment d = FixtureDeployment.begin(devnet, "ether.fi", Tx.values());
        Address eEth = new Address(d.address(Tx.EETH));
        Address pool = new Address(d.address(Tx.LIQUIDITY_POOL));
        String limiter = d.address(Tx.RATE_LIMITER);
        d.create(Tx.RATE_LIMITER, DevnetAddresses.ETHERFI_RATE_LIMITER, bytecodes.get("EtherFiRateLimiter"), eEth);
        d.create(Tx.LIQUIDITY_POOL, DevnetAddresses.ETHERFI_LIQUIDITY_POOL,
                bytecodes.get("LiquidityPool"), eEth, new Address(d.address(Tx.WITHDRAW_REQUEST_NFT)));
        d.create(Tx.EETH, DevnetAddresses.ETHERFI_EETH, bytecodes.get("EETH"), pool, new Address(limiter));
        d.create(Tx.WEETH, DevnetAddresses.ETHERFI_WEETH, bytecodes.get("WeETH"), eEth, pool);
        d.create(Tx.WITHDRAW_REQUEST_NFT, DevnetAddresses.ETHERFI_WITHDRAW_REQUEST_NFT,
                bytecodes.get("WithdrawRequestNFT"), pool);
        d.call(Tx.MINT_LIMIT, limiter, EtherFiRateLimiter.getABI_send_setLimit(Bucket.MINT.id(),
                DEFAULT_MINT_CAPACITY_GWEI, DEFAULT_MINT_REFILL_GWEI_PER_SECOND));
        d.call(Tx.BURN_LIMIT, limiter, EtherFiRateLimiter.getABI_send_setLimit(Bucket.BURN.id(),
                DEFAULT_BURN_CAPACITY_GWEI, DEFAULT_BURN_REFILL_GWEI_PER_SECOND));
        d.finish();
        return new EtherFiDevnet(devnet);
    }

    /** Reads the creation bytecode of the fixtures; the devnet does this while anvil starts. */
    static Map<String, String> loadBytecodes() {
        return Map.copyOf(bytecodes("etherfi",
                List.of("EtherFiRateLimiter", "LiquidityPool", "EETH", "WeETH", "WithdrawRequestNFT")));
    }

    // ---------------------------------------------------------------- addresses

    /** The LiquidityPool fixture ({@value DevnetAddresses#ETHERFI_LIQUIDITY_POOL}), ether.fi's ETH entry point. */
    public String liquidityPool() {
        return address(DevnetAddresses.ETHERFI_LIQUIDITY_POOL);
    }

    /** The eETH fixture ({@value DevnetAddresses#ETHERFI_EETH}). */
    public String eETH() {
        return address(DevnetAddresses.ETHERFI_EETH);
    }

    /** The weETH fixture ({@value DevnetAddresses#ETHERFI_WEETH}). */
    public String weETH() {
        return address(DevnetAddresses.ETHERFI_WEETH);
    }

    /** The WithdrawRequestNFT fixture ({@value DevnetAddresses#ETHERFI_WITHDRAW_REQUEST_NFT}). */
    public String withdrawRequestNFT() {
        return address(DevnetAddresses.ETHERFI_WITHDRAW_REQUEST_NFT);
    }

    /** The EtherFiRateLimiter fixture ({@value DevnetAddresses#ETHERFI_RATE_LIMITER}). */
    public String rateLimiter() {
        return address(DevnetAddresses.ETHERFI_RATE_LIMITER);
    }

    // ---------------------------------------------------------------- oracle controls

    /**
     * An oracle report: adds {@code rewardsOrLossWei} to the pool (positive: rewards, paid by the deployer)
     * or takes it away (negative: a loss, the ether goes to the deployer). Every eETH balance changes in
     * proportion to its shares; share counts do not. Emits {@code Rebase}.
     *
     * @throws DevnetException if nothing is deposited yet or the loss exceeds the ether in the pool
     */
    public TransactionReceipt rebase(BigInteger rewardsOrLossWei) {
        return send("rebase(" + rewardsOrLossWei + ")",
                () -> pool.send_devnetRebase(rewardsOrLossWei, rewardsValue(rewardsOrLossWei)).send());
    }

    /**
     * Finalizes every pending withdrawal request up to {@code lastRequestId}: freezes the pool's current
     * {@code amountPerShareCeil()} for them and escrows what they can claim,
     * {@code min(amountOfEEth, shareOfEEth * rate / 1e18)} each.
     */
    public TransactionReceipt finalize(BigInteger lastRequestId) {
        return send("finalize(" + lastRequestId + ")", () -> nft.send_finalizeRequests(lastRequestId).send());
    }

    /** Finalizes every pending request; returns null when there is none. */
    public TransactionReceipt finalizeAll() {
        return finalizePending(() -> nft.call_nextRequestId().send().subtract(BigInteger.ONE),
                () -> nft.call_lastFinalizedRequestId().send(), this::finalize);
    }

    /**
     * Sets an eETH bucket of the rate limiter (full at once): {@code capacityGwei} at most, growing back by
     * {@code refillGweiPerSecond}. Capacity 0 removes the limit. Deposits and claims beyond what the bucket
     * holds revert {@code LimitExceeded()}.
     */
    public TransactionReceipt setRateLimit(Bucket bucket, BigInteger capacityGwei, BigInteger refillGweiPerSecond) {
        return send("setRateLimit(" + bucket + ")",
                () -> limiter.send_setLimit(bucket.id(), capacityGwei, refillGweiPerSecond).send());
    }

    /** What an eETH bucket can spend now, in gwei (2^64-1 when it has no limit). */
    public BigInteger rateLimitAvailable(Bucket bucket) {
        return call("rateLimitAvailable", () -> limiter.call_consumable(bucket.id()).send());
    }

    /** Sets the pool's withdrawal request bounds (eETH wei). */
    public void setWithdrawAmountBounds(BigInteger min, BigInteger max) {
        send("setMinWithdrawAmount", () -> pool.send_setMinWithdrawAmount(min).send());
        send("setMaxWithdrawAmount", () -> pool.send_setMaxWithdrawAmount(max).send());
    }

    // ---------------------------------------------------------------- wrappers as the deployer

    private final LiquidityPool pool = asDeployer(liquidityPool(), LiquidityPool::load);
    private final WithdrawRequestNFT nft = asDeployer(withdrawRequestNFT(), WithdrawRequestNFT::load);
    private final EtherFiRateLimiter limiter = asDeployer(rateLimiter(), EtherFiRateLimiter::load);
}
