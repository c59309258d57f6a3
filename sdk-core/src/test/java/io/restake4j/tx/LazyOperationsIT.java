package io.restake4j.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.restake4j.testing.DevnetAccounts.eth;
import static io.restake4j.testing.DevnetAccounts.fresh;
import static io.restake4j.testing.DevnetAccounts.nonce;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.LidoDevnet;
import io.restake4j.eigenlayer.EigenLayer;
import io.restake4j.eigenlayer.WithdrawalsQueued;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.errors.SendOutcome;
import io.restake4j.etherfi.EtherFi;
import io.restake4j.lido.Lido;
import io.restake4j.liquid.LiquidResult;
import io.restake4j.rocketpool.RocketPool;
import io.restake4j.signer.Signer;
import io.restake4j.testing.CountingHttpService;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * Operations are recipes: building one reads and signs nothing, and each preview or send plans against the
 * chain as it is then. Each test builds an operation, changes the chain under it, and sees the new state.
 */
@DevnetTest
class LazyOperationsIT {

    @Test
    void buildingOperationsOfEveryProtocolSendsNoRequestAndSignsNothing(Devnet devnet) {
        Credentials alice = fresh(devnet, 901, 10);
        CountingHttpService counting = new CountingHttpService(devnet.rpcUrl());
        AtomicInteger signatures = new AtomicInteger();
        Signer signer = counting(Signer.of(alice), signatures);
        Token stEth = Token.erc20(devnet.eigenLayer().stETH(), "stETH", 18);
        try (Restaking client = DevnetClients.builder(devnet).signer(signer).service(counting).build()) {
            counting.reset();
            Lido lido = client.lido();
            EtherFi etherFi = client.etherFi();
            RocketPool rocketPool = client.rocketPool();
            EigenLayer el = client.eigenLayer();
            Instant deadline = Instant.now().plus(Duration.ofHours(1));
            Amount oneEth = Amount.parse("1", Token.ETH);
            List<Operation<?>> built = List.of(
                    lido.stake(oneEth), lido.transferAll(alice.getAddress()), lido.withdrawals().claimAllReady(),
                    lido.withdrawals().claimIds(BigInteger.ONE), lido.withdrawals().request(Amount.parse("1", stEth)),
                    etherFi.stakeAndWrap(oneEth), etherFi.withdrawals().claimAllReady(),
                    rocketPool.deposit(oneEth),
                    el.deposit(Amount.parse("1", stEth)), el.withdrawals().queueAll(devnet.eigenLayer().stETHStrategy()),
                    el.withdrawals().completeAllReady(io.restake4j.eigenlayer.ReceiveAs.TOKENS),
                    el.withdrawals().queue(Amount.parse("1", stEth)),
                    client.tokens().transfer(Amount.parse("1", stEth), alice.getAddress()));
            assertEquals(0, counting.total(), "building " + built.size() + " operations sent " + counting.log());
            assertEquals(0, signatures.get(), "building signs nothing");
            Operation<LiquidResult> withPermit = etherFi.withdrawals().requestWithPermit(
                    Amount.parse("1", etherFi.eETH()), deadline);
            assertEquals(0, counting.total(), "a permit operation reads nothing when built: " + counting.log());
            assertEquals(0, signatures.get(), "and signs no permit when built");
            assertTrue(withPermit.description().contains("permit"));
        }
    }

    @Test
    void transferAllAndClaimAllPlanAgainstTheStateOfEachRun(Devnet devnet, LidoDevnet fixture) {
        Credentials alice = fresh(devnet, 902, 20);
        Credentials bob = fresh(devnet, 903, 1);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Lido lido = client.lido();
            Operation<LiquidResult> sendAll = lido.transferAll(bob.getAddress());
            Operation<LiquidResult> claimAll = lido.withdrawals().claimAllReady();

            InvalidInputException empty = assertThrows(InvalidInputException.class, sendAll::preview);
            assertTrue(empty.getMessage().contains("holds no stETH"), empty.getMessage());
            InvalidInputException none = assertThrows(InvalidInputException.class, claimAll::send);
            assertTrue(none.getMessage().contains("no finalized"), none.getMessage());
            SendOutcome refused = none.outcome().orElseThrow();
            assertEquals(SendOutcome.State.NOT_SENT, refused.state());
            assertTrue(none.isRetryable() || !refused.anythingSent(), "a refused plan sent nothing");

            // the chain changes under the same operations
            lido.stake(Amount.parse("5", Token.ETH)).send();
            BigInteger shares = lido.positions().of(lido.stETH()).shares().value();
            Preview preview = sendAll.preview();
            assertTrue(preview.steps().get(0).step().description().contains(shares.toString()),
                    "the same operation now moves the " + shares + " shares: " + preview);
            LiquidResult moved = sendAll.send();
            assertEquals(shares, moved.shares().value(), "every share moved");
            assertTrue(lido.positions().of(lido.stETH()).shares().isZero());

            lido.stake(Amount.parse("3", Token.ETH)).send();
            LiquidResult requested = lido.withdrawals().request(Amount.parse("2", lido.stETH())).send();
            fixture.finalizeAll();
            BigInteger before = nonce(devnet, alice);
            LiquidResult claimed = claimAll.send();
            assertEquals(requested.requestIds(), claimed.requestIds(), "the claim found the request made after it was built");
            assertEquals(before.add(BigInteger.ONE), nonce(devnet, alice));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void queueAllWithdrawsTheSharesHeldWhenItRunsNotWhenItWasBuilt(Devnet devnet) {
        Credentials alice = fresh(devnet, 904, 5);
        devnet.eigenLayer().stakeStETHFor(alice.getAddress(), eth(50));
        Token stEth = Token.erc20(devnet.eigenLayer().stETH(), "stETH", 18);
        String strategy = devnet.eigenLayer().stETHStrategy();
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EigenLayer el = client.eigenLayer();
            Operation<WithdrawalsQueued> queueAll = el.withdrawals().queueAll(strategy);
            InvalidInputException nothing = assertThrows(InvalidInputException.class, queueAll::preview);
            assertTrue(nothing.getMessage().contains("holds no deposit shares"), nothing.getMessage());

            BigInteger first = el.deposit(Amount.parse("20", stEth)).send().shares().value();
            BigInteger second = el.deposit(Amount.parse("10", stEth)).send().shares().value();
            WithdrawalsQueued queued = queueAll.send();
            assertEquals(first.add(second), queued.withdrawals().get(0).withdrawal().scaledShares().get(0),
                    "both deposits, made after the operation was built, are queued");
        }
    }

    @Test
    void aPermitIsSignedAtEachRunWithTheNonceOfThatMoment(Devnet devnet) {
        Credentials alice = fresh(devnet, 905, 10);
        AtomicInteger signatures = new AtomicInteger();
        try (Restaking client = DevnetClients.builder(devnet).signer(counting(Signer.of(alice), signatures))
                .rpc(devnet.rpcUrl()).build()) {
            EtherFi etherFi = client.etherFi();
            etherFi.stake(Amount.parse("3", Token.ETH)).send();
            int afterStake = signatures.get();
            Operation<LiquidResult> wrap = etherFi.wrapWithPermit(Amount.parse("1", etherFi.eETH()),
                    Instant.now().plus(Duration.ofHours(1)));
            assertEquals(afterStake, signatures.get(), "built: nothing signed");
            wrap.preview();
            assertEquals(afterStake + 1, signatures.get(), "the preview signs a permit of its own");
            LiquidResult first = wrap.send();
            LiquidResult again = wrap.send(); // the first permit's nonce is used: a stale recipe would revert
            assertTrue(first.amount().wei().signum() > 0 && again.amount().wei().signum() > 0);
            assertTrue(signatures.get() >= afterStake + 5, "two sends: two permits and two transactions, "
                    + (signatures.get() - afterStake) + " signatures in all");
        }
    }

    /** A signer that counts its signatures (transactions and typed data alike go through signHash). */
    private static Signer counting(Signer inner, AtomicInteger count) {
        return new Signer() {
            @Override
            public String address() {
                return inner.address();
            }

            @Override
            public Sign.SignatureData signHash(byte[] hash) {
                count.incrementAndGet();
                return inner.signHash(hash);
            }
        };
    }
}
