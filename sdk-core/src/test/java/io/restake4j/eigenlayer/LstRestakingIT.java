package io.restake4j.eigenlayer;

import static io.restake4j.testing.DevnetAccounts.nonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.contracts.common.ERC20;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EigenLayerDevnet;
import io.restake4j.devnet.fixtures.eigenlayer.StrategyBase;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * Mainnet's LST strategies hold the LSTs themselves: stETH staked in the devnet's Lido and rETH minted by its
 * Rocket Pool deposit pool restake in EigenLayer through the SDK, each step a real transaction. Expected figures
 * come from chain reads (Lido's rate need not be 1:1, and stETH can arrive 1-2 wei short of a transfer).
 */
@DevnetTest
class LstRestakingIT {

    private static final BigInteger OFFSET = BigInteger.valueOf(1000);   // StrategyBase's SHARES_OFFSET and BALANCE_OFFSET

    @Test
    void stEthStakedInLidoRestakesInTheStEthStrategy(Devnet devnet, @Account(4) Credentials staker) throws Exception {
        EigenLayerDevnet fixtures = devnet.eigenLayer();
        assertEquals(devnet.lido().stETH(), fixtures.stETH(), "the strategy's underlying is the devnet's Lido stETH");
        try (Restaking client = DevnetClients.client(devnet, staker)) {
            client.lido().stake(Amount.parse("3", Token.ETH)).send();
            Token stEth = Token.erc20(fixtures.stETH(), "stETH", 18);
            restakeAll(devnet, client, staker, stEth, fixtures.stETHStrategy());
        }
    }

    @Test
    void rEthFromRocketPoolRestakesInTheREthStrategy(Devnet devnet, @Account(5) Credentials staker) throws Exception {
        EigenLayerDevnet fixtures = devnet.eigenLayer();
        assertEquals(devnet.rocketPool().rETH(), fixtures.rETH(), "the strategy's underlying is the devnet's Rocket Pool rETH");
        try (Restaking client = DevnetClients.client(devnet, staker)) {
            client.rocketPool().deposit(Amount.parse("2", Token.ETH)).send();
            Token rEth = Token.erc20(fixtures.rETH(), "rETH", 18);
            restakeAll(devnet, client, staker, rEth, fixtures.rETHStrategy());
        }
    }

    private static void restakeAll(Devnet devnet, Restaking client, Credentials staker, Token token, String strategy)
            throws Exception {
        ERC20 erc20 = ERC20.load(token.address(), devnet.web3j(), devnet.transactionManager(staker), devnet.gasProvider());
        StrategyBase sb = StrategyBase.load(strategy, devnet.web3j(), devnet.transactionManager(staker), devnet.gasProvider());
        BigInteger held = erc20.call_balanceOf(staker.getAddress()).send();
        assertTrue(held.signum() > 0, "the staker holds the LST");
        EigenLayer el = client.eigenLayer();
        assertEquals(strategy.toLowerCase(Locale.ROOT), el.strategyFor(token).toLowerCase(Locale.ROOT));

        BigInteger totalSharesBefore = sb.call_totalShares().send();
        BigInteger strategyBalanceBefore = erc20.call_balanceOf(strategy).send();
        BigInteger nonceBefore = nonce(devnet, staker);
        DepositResult deposit = el.deposit(Amount.ofWei(held, token)).send();

        BigInteger arrived = erc20.call_balanceOf(strategy).send().subtract(strategyBalanceBefore);
        assertTrue(arrived.compareTo(held) <= 0 && held.subtract(arrived).compareTo(BigInteger.TWO) <= 0,
                "the strategy takes what arrives: " + arrived + " of " + held);
        // StrategyBase.deposit: amount * (totalShares + offset) / (balance after + offset - amount)
        BigInteger expected = held.multiply(totalSharesBefore.add(OFFSET))
                .divide(strategyBalanceBefore.add(arrived).add(OFFSET).subtract(held));
        assertEquals(expected, deposit.shares().value());
        assertEquals(totalSharesBefore.add(expected), sb.call_totalShares().send());
        assertEquals(expected, el.positions().in(strategy).orElseThrow().depositShares().value());
        assertEquals(nonceBefore.add(BigInteger.valueOf(deposit.transactionCount())), nonce(devnet, staker),
                "approval + deposit, signed by the staker");
    }
}
