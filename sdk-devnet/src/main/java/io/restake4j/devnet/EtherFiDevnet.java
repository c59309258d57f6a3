package io.restake4j.devnet;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.fixtures.etherfi.EtherFiRateLimiter;
import io.restake4j.devnet.fixtures.etherfi.LiquidityPool;
import io.restake4j.devnet.fixtures.etherfi.WithdrawRequestNFT;
import io.restake4j.devnet.internal.FixtureArtifact;

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
public final class EtherFiDevnet {

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

    private static final int TRANSACTIONS = 7; // sent by deploy(), in this order:
    private static final int RATE_LIMITER = 0;
    private static final int LIQUIDITY_POOL = 1;
    private static final int EETH = 2;
    private static final int WEETH = 3;
    private static final int WITHDRAW_REQUEST_NFT = 4;
    private static final int MINT_LIMIT = 5;
    private static final int BURN_LIMIT = 6;

    private final Devnet devnet;

    private EtherFiDevnet(Devnet devnet) {
        this.devnet = devnet;
    }

    /** Deploys the fixtures back to back with nonce-derived addresses, sets the buckets, checks the receipts. */
    static EtherFiDevnet deploy(Devnet devnet, Map<String, String> bytecodes) {
        FixtureDeployment deployment = FixtureDeployment.begin(devnet, "ether.fi");
        String[] at = deployment.addresses(WITHDRAW_REQUEST_NFT + 1);
        deployment.create(RATE_LIMITER, bytecodes.get("EtherFiRateLimiter"),
                new Address(at[EETH]));
        deployment.create(LIQUIDITY_POOL, bytecodes.get("LiquidityPool"),
                new Address(at[EETH]), new Address(at[WITHDRAW_REQUEST_NFT]));
        deployment.create(EETH, bytecodes.get("EETH"),
                new Address(at[LIQUIDITY_POOL]), new Address(at[RATE_LIMITER]));
        deployment.create(WEETH, bytecodes.get("WeETH"),
                new Address(at[EETH]), new Address(at[LIQUIDITY_POOL]));
        deployment.create(WITHDRAW_REQUEST_NFT,
                bytecodes.get("WithdrawRequestNFT"), new Address(at[LIQUIDITY_POOL]));
        deployment.call(MINT_LIMIT, at[RATE_LIMITER],
                EtherFiRateLimiter.getABI_send_setLimit(Bucket.MINT.id(), DEFAULT_MINT_CAPACITY_GWEI,
                        DEFAULT_MINT_REFILL_GWEI_PER_SECOND));
        deployment.call(BURN_LIMIT, at[RATE_LIMITER],
                EtherFiRateLimiter.getABI_send_setLimit(Bucket.BURN.id(), DEFAULT_BURN_CAPACITY_GWEI,
                        DEFAULT_BURN_REFILL_GWEI_PER_SECOND));
        deployment.finish();
        devnet.register(DevnetAddresses.ETHERFI_LIQUIDITY_POOL, at[LIQUIDITY_POOL]);
        devnet.register(DevnetAddresses.ETHERFI_EETH, at[EETH]);
        devnet.register(DevnetAddresses.ETHERFI_WEETH, at[WEETH]);
        devnet.register(DevnetAddresses.ETHERFI_WITHDRAW_REQUEST_NFT, at[WITHDRAW_REQUEST_NFT]);
        devnet.register(DevnetAddresses.ETHERFI_RATE_LIMITER, at[RATE_LIMITER]);
        return new EtherFiDevnet(devnet);
    }

    /** Reads the creation bytecode of the fixtures; the devnet does this while anvil starts. */
    static Map<String, String> loadBytecodes() {
        Map<String, String> out = new HashMap<>();
        for (String name : List.of("EtherFiRateLimiter", "LiquidityPool", "EETH", "WeETH", "WithdrawRequestNFT")) {
            out.put(name, FixtureArtifact.load("etherfi", name).bytecode());
        }
        return Map.copyOf(out);
    }

    // ---------------------------------------------------------------- addresses

    /** The LiquidityPool fixture ({@value DevnetAddresses#ETHERFI_LIQUIDITY_POOL}), ether.fi's ETH entry point. */
    public String liquidityPool() {
        return devnet.addresses().require(DevnetAddresses.ETHERFI_LIQUIDITY_POOL);
    }

    /** The eETH fixture ({@value DevnetAddresses#ETHERFI_EETH}). */
    public String eETH() {
        return devnet.addresses().require(DevnetAddresses.ETHERFI_EETH);
    }

    /** The weETH fixture ({@value DevnetAddresses#ETHERFI_WEETH}). */
    public String weETH() {
        return devnet.addresses().require(DevnetAddresses.ETHERFI_WEETH);
    }

    /** The WithdrawRequestNFT fixture ({@value DevnetAddresses#ETHERFI_WITHDRAW_REQUEST_NFT}). */
    public String withdrawRequestNFT() {
        return devnet.addresses().require(DevnetAddresses.ETHERFI_WITHDRAW_REQUEST_NFT);
    }

    /** The EtherFiRateLimiter fixture ({@value DevnetAddresses#ETHERFI_RATE_LIMITER}). */
    public String rateLimiter() {
        return devnet.addresses().require(DevnetAddresses.ETHERFI_RATE_LIMITER);
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
        BigInteger value = rewardsOrLossWei.signum() > 0 ? rewardsOrLossWei : BigInteger.ZERO;
        return send("rebase(" + rewardsOrLossWei + ")", () -> pool().send_devnetRebase(rewardsOrLossWei, value).send());
    }

    /**
     * Finalizes every pending withdrawal request up to {@code lastRequestId}: freezes the pool's current
     * {@code amountPerShareCeil()} for them and escrows what they can claim,
     * {@code min(amountOfEEth, shareOfEEth * rate / 1e18)} each.
     */
    public TransactionReceipt finalize(BigInteger lastRequestId) {
        return send("finalize(" + lastRequestId + ")", () -> nft().send_finalizeRequests(lastRequestId).send());
    }

    /** Finalizes every pending request; returns null when there is none. */
    public TransactionReceipt finalizeAll() {
        try {
            WithdrawRequestNFT nft = nft();
            BigInteger last = nft.call_nextRequestId().send().subtract(BigInteger.ONE);
            if (last.equals(nft.call_lastFinalizedRequestId().send())) {
                return null;
            }
            return finalize(last);
        } catch (DevnetException e) {
            throw e;
        } catch (Exception e) {
            throw new DevnetException("ether.fi finalizeAll failed: " + e.getMessage(), e);
        }
    }

    /**
     * Sets an eETH bucket of the rate limiter (full at once): {@code capacityGwei} at most, growing back by
     * {@code refillGweiPerSecond}. Capacity 0 removes the limit. Deposits and claims beyond what the bucket
     * holds revert {@code LimitExceeded()}.
     */
    public TransactionReceipt setRateLimit(Bucket bucket, BigInteger capacityGwei, BigInteger refillGweiPerSecond) {
        return send("setRateLimit(" + bucket + ")",
                () -> limiter().send_setLimit(bucket.id(), capacityGwei, refillGweiPerSecond).send());
    }

    /** What an eETH bucket can spend now, in gwei (2^64-1 when it has no limit). */
    public BigInteger rateLimitAvailable(Bucket bucket) {
        try {
            return limiter().call_consumable(bucket.id()).send();
        } catch (Exception e) {
            throw new DevnetException("ether.fi rateLimitAvailable failed: " + e.getMessage(), e);
        }
    }

    /** Sets the pool's withdrawal request bounds (eETH wei). */
    public void setWithdrawAmountBounds(BigInteger min, BigInteger max) {
        send("setMinWithdrawAmount", () -> pool().send_setMinWithdrawAmount(min).send());
        send("setMaxWithdrawAmount", () -> pool().send_setMaxWithdrawAmount(max).send());
    }

    private LiquidityPool pool() {
        return LiquidityPool.load(liquidityPool(), devnet.web3j(), devnet.transactionManager(devnet.deployer()),
                devnet.gasProvider());
    }

    private WithdrawRequestNFT nft() {
        return WithdrawRequestNFT.load(withdrawRequestNFT(), devnet.web3j(),
                devnet.transactionManager(devnet.deployer()), devnet.gasProvider());
    }

    private EtherFiRateLimiter limiter() {
        return EtherFiRateLimiter.load(rateLimiter(), devnet.web3j(), devnet.transactionManager(devnet.deployer()),
                devnet.gasProvider());
    }

    private static TransactionReceipt send(String what, FixtureCalls.Call<TransactionReceipt> call) {
        return FixtureCalls.send("ether.fi", what, call);
    }
}
