package io.restake4j.lido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

import io.restake4j.Restaking;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/** client.lido() on the devnet's Lido fixtures (first cut: stake, wrap, split requests, claim with hints). */
@DevnetTest
class LidoIT {

    private static final BigInteger ETHER = BigInteger.TEN.pow(18);

    @Test
    void stakeWrapRequestSplitFinalizeAndClaimAllWithHints(Devnet devnet, @Account(8) Credentials alice) throws Exception {
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Lido lido = client.lido();
            LidoResult staked = lido.stake(Amount.parse("2600", Token.ETH)).send();
            assertEquals(ETHER.multiply(BigInteger.valueOf(2600)), staked.shares(), "1:1 before any rebase");
            assertTrue(staked.amount().wei().compareTo(ETHER.multiply(BigInteger.valueOf(2600)).subtract(BigInteger.TWO)) >= 0);

            LidoResult wrapped = lido.wrap(Amount.parse("100", lido.stETH())).send();
            assertEquals(ETHER.multiply(BigInteger.valueOf(100)), wrapped.amount().wei(), "1 wstETH per stETH at a 1:1 rate");
            LidoResult unwrapped = lido.unwrap(wrapped.amount()).send();
            assertTrue(ETHER.multiply(BigInteger.valueOf(100)).subtract(unwrapped.amount().wei()).compareTo(BigInteger.TWO) <= 0,
                    "stETH rounding: at most 2 wei lost, got " + unwrapped.amount());

            BigInteger nonce = nonce(devnet, alice);
            InvalidInputException tiny = assertThrows(InvalidInputException.class,
                    () -> lido.requestWithdrawal(Amount.ofWei(BigInteger.valueOf(99), lido.stETH())));
            assertTrue(tiny.getMessage().contains("at least 100 wei"), tiny.getMessage());

            LidoResult requested = lido.requestWithdrawal(Amount.parse("2500", lido.stETH())).send();
            assertEquals(3, requested.requestIds().size(), "1000 + 1000 + 500");
            assertEquals(2, requested.transactionCount(), "approval + one requestWithdrawals");
            List<WithdrawalRequest> pending = lido.requests();
            assertEquals(List.of(ETHER.multiply(BigInteger.valueOf(1000)), ETHER.multiply(BigInteger.valueOf(1000)),
                    ETHER.multiply(BigInteger.valueOf(500))), pending.stream().map(WithdrawalRequest::amountOfStETH).toList());
            assertTrue(pending.stream().allMatch(r -> r.status().equals("pending")));

            BigInteger before = nonce(devnet, alice);
            InvalidInputException early = assertThrows(InvalidInputException.class, () -> lido.claimAllFinalized());
            assertTrue(early.getMessage().contains("no finalized"), early.getMessage());
            assertEquals(before, nonce(devnet, alice));

            devnet.lido().finalizeAll();
            try (Restaking fresh = DevnetClients.client(devnet, alice)) {
                assertEquals(3, fresh.lido().requests().stream().filter(WithdrawalRequest::isClaimable).count(),
                        "a brand-new client finds the claimable requests from chain state");
            }
            BigInteger ethBefore = balance(devnet, alice);
            LidoResult claimed = lido.claimAllFinalized().send();
            assertEquals(1, claimed.transactionCount(), "all three in one claimWithdrawals");
            assertEquals(ETHER.multiply(BigInteger.valueOf(2500)), claimed.amount().wei());
            assertEquals(Token.ETH, claimed.amount().token());
            assertEquals(ethBefore.add(claimed.amount().wei()).subtract(claimed.feesPaidWei()), balance(devnet, alice));
            assertTrue(lido.requests().stream().allMatch(r -> r.status().equals("claimed")));
            assertTrue(nonce.compareTo(nonce(devnet, alice)) < 0);
        }
    }

    private static BigInteger nonce(Devnet devnet, Credentials who) throws Exception {
        return devnet.web3j().ethGetTransactionCount(who.getAddress(), DefaultBlockParameterName.PENDING).send()
                .getTransactionCount();
    }

    private static BigInteger balance(Devnet devnet, Credentials who) throws Exception {
        return devnet.web3j().ethGetBalance(who.getAddress(), DefaultBlockParameterName.LATEST).send().getBalance();
    }
}
