package io.restake4j.devnet;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.fixtures.etherfi.Blacklister;
import io.restake4j.devnet.fixtures.etherfi.EtherFiAdmin;
import io.restake4j.devnet.fixtures.etherfi.EtherFiRateLimiter;
import io.restake4j.devnet.fixtures.etherfi.LiquidityPool;
import io.restake4j.devnet.fixtures.etherfi.WithdrawRequestNFT;

/**
 * The ether.fi fixtures of a {@link Devnet} (LiquidityPool, eETH, weETH, WithdrawRequestNFT, the eETH rate
 * limiter, the Blacklister and an EtherFiAdmin) and the oracle controls tests need.
 *
 * <p>Every devnet deploys them at start from the {@link Devnet#deployer() deployer}
 * ({@code Builder.etherFi(false)} leaves them out). They implement ether.fi's user-facing interface after
 * the 26Q2 upgrade: the pool's share math and rounding (deposits and {@code sharesForAmount} round down,
 * {@code sharesForWithdrawalAmount} up), rebasing eETH with permits, weETH wrapping, withdrawal requests
 * bounded by {@code minWithdrawAmount}/{@code maxWithdrawAmount} (0.001 / 1000 ETH), finalization at a frozen
 * rate and permissionless claims that burn the request's shares and escrow sweeps, the eETH mint/burn buckets
 * of the rate limiter (in gwei, mainnet's capacities and refill rates by default; unknown buckets and
 * consumers refused), the blacklist, and the pool's pause. The devnet differs from ether.fi in that the
 * pooled ether stays in the pool (no validators) and the oracle is the deployer, through the EtherFiAdmin
 * fixture, whose calls to the pool and the NFT contract are mainnet's: {@link #rebase(BigInteger)} applies
 * rewards as successive reports within the pool's 25 bps cap (or a loss as one report),
 * {@link #finalize(BigInteger)} finalizes withdrawal requests and escrows their ether.
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
        RATE_LIMITER, LIQUIDITY_POOL, EETH, WEETH, WITHDRAW_REQUEST_NFT, BLACKLISTER, ETHERFI_ADMIN,
        MINT_LIMIT, MINT_CONSUMER, BURN_LIMIT, BURN_CONSUMER
    }

    /** Rewards steps (capped rebases) per transaction: about 7k gas each (EtherFiGovernanceIT prints it), 1.4M in all. */
    private static final BigInteger REBASE_STEPS_PER_TX = BigInteger.valueOf(200);

    private EtherFiDevnet(Devnet devnet) {
        super(devnet, "ether.fi");
    }

    /** Deploys the fixtures back to back with nonce-derived addresses, sets the buckets, checks the receipts. */
    static EtherFiDevnet deploy(Devnet devnet, Map<String, String> bytecodes) {
        FixtureDeployment d = FixtureDeployment.begin(devnet, "ether.fi", Tx.values());
        Address eEth = new Address(d.address(Tx.EETH));
        Address weEth = new Address(d.address(Tx.WEETH));
        Address pool = new Address(d.address(Tx.LIQUIDITY_POOL));
        Address nft = new Address(d.address(Tx.WITHDRAW_REQUEST_NFT));
        Address blacklister = new Address(d.address(Tx.BLACKLISTER));
        Address admin = new Address(d.address(Tx.ETHERFI_ADMIN));
        String limiter = d.address(Tx.RATE_LIMITER);
        d.create(Tx.RATE_LIMITER, DevnetAddresses.ETHERFI_RATE_LIMITER, bytecodes.get("EtherFiRateLimiter"), eEth, weEth);
        d.create(Tx.LIQUIDITY_POOL, DevnetAddresses.ETHERFI_LIQUIDITY_POOL,
                bytecodes.get("LiquidityPool"), eEth, nft, blacklister, admin);
        d.create(Tx.EETH, DevnetAddresses.ETHERFI_EETH, bytecodes.get("EETH"), pool, new Address(limiter), blacklister);
        d.create(Tx.WEETH, DevnetAddresses.ETHERFI_WEETH, bytecodes.get("WeETH"), eEth, pool);
        d.create(Tx.WITHDRAW_REQUEST_NFT, DevnetAddresses.ETHERFI_WITHDRAW_REQUEST_NFT,
                bytecodes.get("WithdrawRequestNFT"), pool, blacklister, admin);
        d.create(Tx.BLACKLISTER, DevnetAddresses.ETHERFI_BLACKLISTER, bytecodes.get("Blacklister"));
        d.create(Tx.ETHERFI_ADMIN, DevnetAddresses.ETHERFI_ADMIN, bytecodes.get("EtherFiAdmin"), pool, nft);
        d.call(Tx.MINT_LIMIT, limiter, EtherFiRateLimiter.getABI_send_createNewLimiter(Bucket.MINT.id(),
                DEFAULT_MINT_CAPACITY_GWEI, DEFAULT_MINT_REFILL_GWEI_PER_SECOND));
        d.call(Tx.MINT_CONSUMER, limiter, EtherFiRateLimiter.getABI_send_updateConsumers(Bucket.MINT.id(),
                eEth.getValue(), true));
        d.call(Tx.BURN_LIMIT, limiter, EtherFiRateLimiter.getABI_send_createNewLimiter(Bucket.BURN.id(),
                DEFAULT_BURN_CAPACITY_GWEI, DEFAULT_BURN_REFILL_GWEI_PER_SECOND));
        d.call(Tx.BURN_CONSUMER, limiter, EtherFiRateLimiter.getABI_send_updateConsumers(Bucket.BURN.id(),
                eEth.getValue(), true));
        d.finish();
        return new EtherFiDevnet(devnet);
    }

    /** Reads the creation bytecode of the fixtures; the devnet does this while anvil starts. */
    static Map<String, String> loadBytecodes() {
        return Map.copyOf(bytecodes("etherfi",
                List.of("EtherFiRateLimiter", "LiquidityPool", "EETH", "WeETH", "WithdrawRequestNFT", "Blacklister",
                        "EtherFiAdmin")));
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

    /** The Blacklister fixture ({@value DevnetAddresses#ETHERFI_BLACKLISTER}). */
    public String blacklister() {
        return address(DevnetAddresses.ETHERFI_BLACKLISTER);
    }

    /**
     * The EtherFiAdmin fixture ({@value DevnetAddresses#ETHERFI_ADMIN}): the only caller the pool and the
     * WithdrawRequestNFT take reports, escrow and finalization from, as mainnet's EtherFiAdmin.
     */
    public String etherFiAdmin() {
        return address(DevnetAddresses.ETHERFI_ADMIN);
    }

    // ---------------------------------------------------------------- oracle controls

    /**
     * Oracle reports worth {@code rewardsOrLossWei} in total: every eETH balance changes in proportion to its
     * shares; share counts do not. Each report is a real {@code rebase} of the pool made by the EtherFiAdmin
     * fixture. Rewards (positive, paid by the deployer) are applied as successive reports of at most 25 bps of
     * the pool's value each (the pool's cap; about 40 reports per 10%, up to 200 per transaction), then paid
     * into the pool through its {@code receive()}; a loss (negative) first leaves the pool towards "validators"
     * and is then written off by one negative report, the ether going to the deployer. Every report emits
     * {@code Rebase}; the receipt returned is the last transaction's.
     *
     * @throws DevnetException if nothing is deposited yet (a positive report is refused,
     *         {@code RebaseExceedsPositiveCap()}) or the loss exceeds the ether in the pool
     */
    public TransactionReceipt rebase(BigInteger rewardsOrLossWei) {
        if (rewardsOrLossWei.signum() < 0) {
            BigInteger loss = rewardsOrLossWei.negate();
            return send("rebase(" + rewardsOrLossWei + ")", () -> admin.send_applyLoss(loss).send());
        }
        BigInteger target = call("getTotalPooledEther", () -> pool.call_getTotalPooledEther().send()).add(rewardsOrLossWei);
        TransactionReceipt last = null;
        BigInteger remaining = rewardsOrLossWei;
        while (remaining.signum() > 0) {
            BigInteger value = remaining;
            last = send("rebase(" + rewardsOrLossWei + ")", () -> admin.send_rebaseInSteps(REBASE_STEPS_PER_TX, value).send());
            remaining = target.subtract(call("getTotalPooledEther", () -> pool.call_getTotalPooledEther().send()));
        }
        return last;
    }

    /**
     * One oracle report as mainnet's EtherFiAdmin applies it: {@code rebase(accruedRewards, protocolFees)} on
     * the pool, accounting only (no ether moves: rewards applied this way are not backed by ether in the pool
     * until it arrives), a positive one at most 25 bps of the pool's value; protocol fees are minted to the
     * pool's {@code feeRecipient} (the deployer) as eETH.
     */
    public TransactionReceipt report(BigInteger accruedRewards, BigInteger protocolFees) {
        return send("report(" + accruedRewards + ", " + protocolFees + ")",
                () -> admin.send_rebase(accruedRewards, protocolFees).send());
    }

    /**
     * Finalizes every pending withdrawal request up to {@code lastRequestId} as mainnet's EtherFiAdmin does:
     * {@code finalizeRequests} freezes the pool's current {@code amountPerShareCeil()} for them, then
     * {@code addEthAmountLockedForWithdrawal} escrows the full amount they requested in the
     * WithdrawRequestNFT (a claim pays {@code min(amountOfEEth, shareOfEEth * rate / 1e18)} and sweeps the rest
     * back to the pool). Finalizing the last finalized id again changes nothing.
     */
    public TransactionReceipt finalize(BigInteger lastRequestId) {
        return send("finalize(" + lastRequestId + ")", () -> admin.send_finalize(lastRequestId).send());
    }

    /** Finalizes every pending request; returns null when there is none. */
    public TransactionReceipt finalizeAll() {
        return finalizePending(() -> nft.call_nextRequestId().send().subtract(BigInteger.ONE),
                () -> nft.call_lastFinalizedRequestId().send(), this::finalize);
    }

    /**
     * Sets an eETH bucket of the rate limiter and fills it: {@code capacityGwei} at most, growing back by
     * {@code refillGweiPerSecond} (through the limiter's {@code setCapacity}, {@code setRefillRate} and
     * {@code setRemaining}). Capacity 0 lets nothing through; mainnet lifts a limit with capacity 2^64-1.
     * Deposits and claims beyond what the bucket holds revert {@code LimitExceeded()}.
     */
    public TransactionReceipt setRateLimit(Bucket bucket, BigInteger capacityGwei, BigInteger refillGweiPerSecond) {
        String what = "setRateLimit(" + bucket + ")";
        send(what, () -> limiter.send_setCapacity(bucket.id(), capacityGwei).send());
        send(what, () -> limiter.send_setRefillRate(bucket.id(), refillGweiPerSecond).send());
        return send(what, () -> limiter.send_setRemaining(bucket.id(), capacityGwei).send());
    }

    /** What an eETH bucket can spend now, in gwei. */
    public BigInteger rateLimitAvailable(Bucket bucket) {
        return call("rateLimitAvailable", () -> limiter.call_consumable(bucket.id()).send());
    }

    /**
     * Blacklists {@code account} for good in the Blacklister fixture: the pool, eETH and the WithdrawRequestNFT
     * then refuse it with {@code BlacklistedUser(account)} (deposits, requests, transfers, claims).
     */
    public TransactionReceipt blacklist(String account) {
        return send("blacklist(" + account + ")", () -> blacklisterAsDeployer.send_blacklistUser(account).send());
    }

    /** Lifts {@link #blacklist(String)}. */
    public TransactionReceipt unblacklist(String account) {
        return send("unblacklist(" + account + ")", () -> blacklisterAsDeployer.send_unblacklistUser(account).send());
    }

    /** Pauses the pool ({@code pause()}): deposits and withdrawal requests revert {@code ContractPaused()}. */
    public TransactionReceipt pausePool() {
        return send("pausePool", () -> pool.send_pause().send());
    }

    /** Lifts {@link #pausePool()}. */
    public TransactionReceipt unpausePool() {
        return send("unpausePool", () -> pool.send_unpause().send());
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
    private final EtherFiAdmin admin = asDeployer(etherFiAdmin(), EtherFiAdmin::load);
    private final Blacklister blacklisterAsDeployer = asDeployer(blacklister(), Blacklister::load);
}
