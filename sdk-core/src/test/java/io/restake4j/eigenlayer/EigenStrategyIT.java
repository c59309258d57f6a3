package io.restake4j.eigenlayer;

import static io.restake4j.testing.DevnetAccounts.nonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.contracts.common.ERC20;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EigenLayerDevnet;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Shares;
import io.restake4j.units.Token;

/**
 * The EIGEN strategy on the devnet: EIGEN and bEIGEN both deposit into it (the token deposited is the one
 * approved), and a withdrawal completed as tokens pays EIGEN by default or bEIGEN when asked; every balance
 * is read back from the chain.
 */
@DevnetTest
class EigenStrategyIT {

    private static final String EIGEN_SHARES = "EigenLayer EIGEN strategy shares";

    private static final BigInteger ETHER = BigInteger.TEN.pow(18);

    private static Token eigen;
    private static Token bEigen;
    private static Token stEth;
    private static String strategy;

    @BeforeAll
    static void tokens(Devnet devnet) {
        EigenLayerDevnet el = devnet.eigenLayer();
        eigen = Token.erc20(el.eigen(), "EIGEN", 18);
        bEigen = Token.erc20(el.bEIGEN(), "bEIGEN", 18);
        stEth = Token.erc20(el.stETH(), "stETH", 18);
        strategy = el.eigenStrategy();
    }

    @Test
    void eigenAndBEigenBothDepositAndEachCanBeReceived(Devnet devnet, @Account(4) Credentials alice) throws Exception {
        EigenLayerDevnet fixtures = devnet.eigenLayer();
        BigInteger hundred = ETHER.multiply(BigInteger.valueOf(100));
        BigInteger fifty = ETHER.multiply(BigInteger.valueOf(50));
        fixtures.mintEIGEN(alice, hundred);
        fixtures.mintBEIGEN(alice.getAddress(), fifty);
        assertEquals(hundred, balance(devnet, eigen, alice.getAddress()));
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EigenLayer el = client.eigenLayer();
            assertEquals(lower(strategy), lower(el.strategyFor(eigen)), "EIGEN finds the EIGEN strategy");
            assertEquals(lower(strategy), lower(el.strategyFor(bEigen)), "so does bEIGEN, its underlying token");

            DepositResult inEigen = el.deposit(Amount.ofWei(hundred, eigen)).send();
            assertEquals(2, inEigen.transactionCount(), "approval of EIGEN + deposit");
            assertEquals(Shares.of(hundred, EIGEN_SHARES), inEigen.shares(), "first deposit: one share per wei, named by EIGEN");
            assertEquals(BigInteger.ZERO, balance(devnet, eigen, alice.getAddress()));
            assertEquals(BigInteger.ZERO, balance(devnet, eigen, strategy), "the strategy unwrapped the EIGEN");
            assertEquals(hundred, balance(devnet, bEigen, strategy), "and holds bEIGEN");
            assertEquals(BigInteger.ZERO, allowance(devnet, eigen, alice.getAddress(), fixtures.strategyManager()),
                    "exactly the EIGEN deposited was approved, and spent");

            DepositResult inBEigen = el.deposit(Amount.ofWei(fifty, bEigen)).send();
            assertEquals(2, inBEigen.transactionCount(), "approval of bEIGEN + deposit");
            assertEquals(Shares.of(fifty, EIGEN_SHARES), inBEigen.shares(), "1 EIGEN and 1 bEIGEN are worth the same shares, of one unit");
            assertEquals(BigInteger.ZERO, balance(devnet, bEigen, alice.getAddress()));
            assertEquals(hundred.add(fifty), balance(devnet, bEigen, strategy));
            assertEquals(Shares.of(hundred.add(fifty), EIGEN_SHARES), el.positions().in(strategy).orElseThrow().depositShares());

            PendingWithdrawal first = el.withdrawals().queueShares(strategy, Shares.of(hundred, EIGEN_SHARES)).send().withdrawals().get(0);
            PendingWithdrawal second = el.withdrawals().queueShares(strategy, Shares.of(fifty, EIGEN_SHARES)).send().withdrawals().get(0);
            assertEquals(List.of(Amount.ofWei(hundred, eigen)), el.withdrawals().byId(first.root()).requested(),
                    "pending amounts are in the token a completion pays by default");

            InvalidInputException sharesWithToken = assertThrows(InvalidInputException.class,
                    () -> el.withdrawals().complete(first, ReceiveAs.SHARES, bEigen));
            assertTrue(sharesWithToken.getMessage().contains("only apply when completing as tokens"), sharesWithToken.getMessage());

            devnet.mine(second.firstCompletableBlock() - devnet.blockNumber().longValueExact());
            el.withdrawals().awaitClaimable(second, Duration.ofSeconds(5));

            BigInteger nonce = nonce(devnet, alice);
            InvalidInputException notPayable = assertThrows(InvalidInputException.class,
                    () -> el.withdrawals().complete(first, ReceiveAs.TOKENS, stEth).send());
            assertTrue(notPayable.getMessage().contains("can pay stETH"), notPayable.getMessage());
            assertEquals(nonce, nonce(devnet, alice), "refused before signing");

            WithdrawalsCompleted asEigen = el.withdrawals().complete(first, ReceiveAs.TOKENS).send();
            assertEquals(hundred, balance(devnet, eigen, alice.getAddress()), "EIGEN by default: what was deposited");
            assertEquals(BigInteger.ZERO, balance(devnet, bEigen, alice.getAddress()));
            assertEquals(List.of(Amount.ofWei(hundred, eigen)), asEigen.received());

            WithdrawalsCompleted asBEigen = el.withdrawals().completeAllReady(ReceiveAs.TOKENS, bEigen).send();
            assertEquals(fifty, balance(devnet, bEigen, alice.getAddress()), "bEIGEN when asked");
            assertEquals(hundred, balance(devnet, eigen, alice.getAddress()), "no more EIGEN");
            assertEquals(List.of(Amount.ofWei(fifty, bEigen)), asBEigen.received());
            assertEquals(BigInteger.ZERO, balance(devnet, bEigen, strategy), "the strategy paid everything out");
            assertTrue(el.withdrawals().pending().isEmpty());
        }
    }

    private static String lower(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    static BigInteger balance(Devnet devnet, Token token, String who) throws Exception {
        return ERC20.load(token.address(), devnet.web3j(), devnet.transactionManager(devnet.deployer()), devnet.gasProvider())
                .call_balanceOf(who).send();
    }

    private static BigInteger allowance(Devnet devnet, Token token, String owner, String spender) throws Exception {
        return ERC20.load(token.address(), devnet.web3j(), devnet.transactionManager(devnet.deployer()), devnet.gasProvider())
                .call_allowance(owner, spender).send();
    }
}
