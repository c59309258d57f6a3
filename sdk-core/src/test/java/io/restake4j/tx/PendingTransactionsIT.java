package io.restake4j.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.errors.SendOutcome;
import io.restake4j.errors.TransactionReplacedException;
import io.restake4j.network.Network;
import io.restake4j.signer.Signer;
import io.restake4j.testing.DevnetAccounts;
import io.restake4j.tokens.TransferResult;
import io.restake4j.units.Amount;
import io.restake4j.tx.fees.FeeStrategies;
import io.restake4j.units.Token;

/**
 * Transactions that stay in the pool: a devnet of its own whose blocks are mined only on request, so that a
 * sent transaction waits, and can be sped up, cancelled, dropped by the node, replaced by another sender, or
 * bumped by the fee policy. The ground truth is read from anvil directly.
 */
class PendingTransactionsIT {

    private static Devnet devnet;
    private static Token token;
    private static TestToken fixture;
    private static int seed = 700;

    @BeforeAll
    static void start() throws Exception {
        devnet = Devnet.builder().lido(false).etherFi(false).rocketPool(false).eigenLayer(false).start();
        fixture = devnet.deployToken("Pending", "PND", 0);
        token = Token.erc20(fixture.getContractAddress(), "PND", 0);
        devnet.rpc("evm_setAutomine", false);
    }

    @AfterAll
    static void stop() {
        if (devnet != null) {
            devnet.close();
        }
    }

    @AfterEach
    void minePending() {
        devnet.mine(1);
    }

    private static Credentials funded() throws Exception {
        Credentials c = DevnetAccounts.fresh(devnet, seed++, 10);
        devnet.rpc("evm_setAutomine", true);
        try {
            fixture.send_mint(c.getAddress(), BigInteger.valueOf(1_000)).send();
        } finally {
            devnet.rpc("evm_setAutomine", false);
        }
        return c;
    }

    private static Restaking.Builder builder(Credentials who) {
        return Restaking.builder().rpc(devnet.rpcUrl())
                .network(Network.of("devnet", devnet.chainId(), devnet.addresses().asMap()))
                .signer(Signer.of(who)).receiptPollInterval(Duration.ofMillis(20)).receiptTimeout(Duration.ofSeconds(30));
    }

    private static BigInteger tokens(String holder) throws Exception {
        return fixture.call_balanceOf(holder).send();
    }

    private static BigInteger minedNonce(Credentials who) throws Exception {
        return devnet.web3j().ethGetTransactionCount(who.getAddress(), DefaultBlockParameterName.LATEST).send()
                .getTransactionCount();
    }

    private static boolean nodeKnows(String hash) throws Exception {
        return devnet.web3j().ethGetTransactionByHash(hash).send().getTransaction().isPresent();
    }

    @Test
    void aSpeedUpReplacesTheTransactionAtItsNonceAndTheOperationEndsWithTheMinedOne() throws Exception {
        Credentials alice = funded();
        String bob = DevnetAccounts.fresh(devnet, seed++, 1).getAddress();
        try (Restaking client = builder(alice).build()) {
            PendingOperation<TransferResult> pending = client.tokens().transfer(Amount.parse("3", token), bob).submit();
            String first = pending.transactionHashes().get(0);
            assertEquals(List.of(first), client.transactions().pending());
            String faster = client.transactions().speedUp(first);
            assertNotEquals(first, faster);
            devnet.mine(1);
            TransferResult r = pending.await(Duration.ofSeconds(20));
            assertEquals(List.of(faster), r.transactionHashes(), "the sped-up transaction is the one mined");
            assertFalse(nodeKnows(first), "the original was replaced in the pool");
            BigInteger firstFee = Numeric.decodeQuantity(devnet.web3j().ethGetTransactionByHash(faster).send()
                    .getTransaction().orElseThrow().getMaxFeePerGasRaw());
            assertTrue(firstFee.signum() > 0);
        }
        assertEquals(BigInteger.valueOf(3), tokens(bob), "paid once");
        assertEquals(BigInteger.ONE, minedNonce(alice));
    }

    @Test
    void aCancelUsesTheNonceAndTheOperationEndsReplacedWithNothingPaid() throws Exception {
        Credentials alice = funded();
        String bob = DevnetAccounts.fresh(devnet, seed++, 1).getAddress();
        try (Restaking client = builder(alice).build()) {
            PendingOperation<TransferResult> pending = client.tokens().transfer(Amount.parse("5", token), bob).submit();
            String first = pending.transactionHashes().get(0);
            String cancel = client.transactions().cancel(first);
            devnet.mine(1);
            TransactionReplacedException e = assertThrows(TransactionReplacedException.class,
                    () -> pending.await(Duration.ofSeconds(20)));
            assertEquals(cancel, e.replacedBy());
            SendOutcome o = e.outcome().orElseThrow();
            assertEquals(SendOutcome.State.REPLACED, o.state());
            assertEquals(List.of(first, cancel), o.steps().get(0).hashes());
            assertFalse(e.isRetryable());
            TransactionReceipt receipt = client.transactions().awaitReceipt(cancel, Duration.ofSeconds(5));
            assertEquals(alice.getAddress().toLowerCase(), receipt.getTo().toLowerCase(), "a transfer to ourselves");
        }
        assertEquals(BigInteger.ZERO, tokens(bob), "nothing was transferred");
        assertEquals(BigInteger.ONE, minedNonce(alice), "the nonce was used by the cancel");
    }

    @Test
    void aTransactionTheNodeDropsIsOfferedAgainAndMined() throws Exception {
        Credentials alice = funded();
        String bob = DevnetAccounts.fresh(devnet, seed++, 1).getAddress();
        try (Restaking client = builder(alice).build()) {
            PendingOperation<TransferResult> pending = client.tokens().transfer(Amount.parse("2", token), bob).submit();
            String hash = pending.transactionHashes().get(0);
            devnet.rpc("anvil_dropTransaction", hash);
            assertFalse(nodeKnows(hash), "dropped from anvil's pool");
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!nodeKnows(hash) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(nodeKnows(hash), "the client offered the same bytes again");
            devnet.mine(1);
            TransferResult r = pending.await(Duration.ofSeconds(20));
            assertEquals(List.of(hash), r.transactionHashes(), "the same transaction, not a new one");
            System.out.println("[pending] dropped transaction " + hash + " re-broadcast and mined");
        }
        assertEquals(BigInteger.TWO, tokens(bob));
        assertEquals(BigInteger.ONE, minedNonce(alice));
    }

    @Test
    void aNonceUsedByAnotherSenderEndsTheOperationAsReplaced() throws Exception {
        Credentials alice = funded();
        String bob = DevnetAccounts.fresh(devnet, seed++, 1).getAddress();
        try (Restaking client = builder(alice).build()) {
            PendingOperation<TransferResult> pending = client.tokens().transfer(Amount.parse("4", token), bob).submit();
            String ours = pending.transactionHashes().get(0);
            // The same key elsewhere: a plain ETH transfer at nonce 0 with far higher fees replaces ours in the pool.
            EthBlock.Block latest = devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
                    .getBlock();
            BigInteger maxFee = latest.getBaseFeePerGas().multiply(BigInteger.TEN).add(BigInteger.valueOf(10_000_000_000L));
            RawTransaction other = RawTransaction.createEtherTransaction(devnet.chainId(), BigInteger.ZERO,
                    BigInteger.valueOf(21_000), bob, BigInteger.ONE, BigInteger.valueOf(5_000_000_000L), maxFee);
            String otherHash = devnet.web3j().ethSendRawTransaction(Numeric.toHexString(
                    TransactionEncoder.signMessage(other, devnet.chainId(), alice))).send().getTransactionHash();
            devnet.mine(1);
            TransactionReplacedException e = assertThrows(TransactionReplacedException.class,
                    () -> pending.await(Duration.ofSeconds(20)));
            assertEquals(BigInteger.ZERO, e.nonce());
            assertEquals(List.of(ours), e.transactionHashes());
            assertEquals(SendOutcome.State.REPLACED, e.outcome().orElseThrow().state());
            assertTrue(devnet.web3j().ethGetTransactionReceipt(otherHash).send().getTransactionReceipt().isPresent());
            System.out.println("[pending] " + e.getMessage());

            // The client's count follows the chain: the next send uses nonce 1.
            devnet.rpc("evm_setAutomine", true);
            try {
                TransferResult next = client.tokens().transfer(Amount.parse("1", token), bob).send();
                assertEquals(BigInteger.ONE, devnet.web3j().ethGetTransactionByHash(next.transactionHashes().get(0)).send()
                        .getTransaction().orElseThrow().getNonce());
            } finally {
                devnet.rpc("evm_setAutomine", false);
            }
        }
        assertEquals(BigInteger.ONE, tokens(bob), "only the later transfer of 1");
    }

    @Test
    void theFeeBumpPolicyRaisesFeesUntilTheTransactionIsIncluded() throws Exception {
        Credentials alice = funded();
        String bob = DevnetAccounts.fresh(devnet, seed++, 1).getAddress();
        BigInteger base = devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                .getBaseFeePerGas();
        BigInteger maxFee = base.multiply(BigInteger.TWO).max(BigInteger.valueOf(2_000_000_000L));
        BigInteger tip = BigInteger.valueOf(1_000_000);
        try (Restaking client = builder(alice)
                .feeStrategy(FeeStrategies.fixed(new Fees.Eip1559(maxFee, tip)))
                .feeBumpPolicy(FeeBumpPolicy.builder().afterBlocks(1).maxBumps(3).build())
                .build()) {
            PendingOperation<TransferResult> pending = client.tokens().transfer(Amount.parse("6", token), bob).submit();
            String first = pending.transactionHashes().get(0);
            // Blocks come, but their base fee is above what the transaction offers: it stays in the pool.
            BigInteger tooHigh = maxFee.multiply(BigInteger.valueOf(105)).divide(BigInteger.valueOf(100));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                devnet.rpc("anvil_setNextBlockBaseFeePerGas", Numeric.toHexStringWithPrefix(tooHigh));
                devnet.mine(1);
                if (client.transactions().pending().isEmpty() || !client.transactions().pending().get(0).equals(first)) {
                    break;
                }
                Thread.sleep(100);
            }
            devnet.rpc("anvil_setNextBlockBaseFeePerGas", Numeric.toHexStringWithPrefix(tooHigh));
            devnet.mine(1);
            TransferResult r = pending.await(Duration.ofSeconds(20));
            String mined = r.transactionHashes().get(0);
            assertNotEquals(first, mined, "a bumped transaction was mined");
            BigInteger paidMax = devnet.web3j().ethGetTransactionByHash(mined).send().getTransaction().orElseThrow()
                    .getMaxFeePerGas();
            assertTrue(paidMax.compareTo(tooHigh) >= 0, "bumped to at least the base fee: " + paidMax + " vs " + tooHigh);
            System.out.println("[pending] fee bump: " + maxFee + " -> " + paidMax + " wei max fee, mined as " + mined);
        }
        assertEquals(BigInteger.valueOf(6), tokens(bob), "paid once");
        assertEquals(BigInteger.ONE, minedNonce(alice));
    }
}
