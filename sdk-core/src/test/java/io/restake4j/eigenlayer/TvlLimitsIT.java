package io.restake4j.eigenlayer;

import static io.restake4j.testing.DevnetAccounts.nonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.contracts.common.ERC20;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EigenLayerDevnet;
import io.restake4j.devnet.fixtures.eigenlayer.StrategyBaseTVLLimits;
import io.restake4j.errors.SimulationRevertedException;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * EigenLayer's TVL-limited LST strategies (StrategyBaseTVLLimits): with limits set on the stETH strategy, the
 * SDK's simulation meets {@code MaxPerDepositExceedsMax()} for a deposit above the per-deposit limit and
 * {@code BalanceExceedsMaxTotalDeposits()} for one that would leave the strategy holding more than the total
 * limit, and refuses both before signing.
 */
@DevnetTest
class TvlLimitsIT {

    private static final BigInteger ONE_ETH = BigInteger.TEN.pow(18);

    @Test
    void overLimitDepositsAreRefusedBeforeSigningWithTheLimitErrorDecoded(Devnet devnet, @Account(6) Credentials staker)
            throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        String strategy = el.stETHStrategy();
        StrategyBaseTVLLimits limited = StrategyBaseTVLLimits.load(strategy, devnet.web3j(),
                devnet.transactionManager(staker), devnet.gasProvider());
        ERC20 stEthToken = ERC20.load(el.stETH(), devnet.web3j(), devnet.transactionManager(staker), devnet.gasProvider());
        Token stEth = Token.erc20(el.stETH(), "stETH", 18);
        BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
        assertEquals(max, limited.call_maxPerDeposit().send(), "devnet default: no per-deposit limit");
        assertEquals(max, limited.call_maxTotalDeposits().send(), "devnet default: no total limit");
        el.stakeStETHFor(staker.getAddress(), BigInteger.valueOf(3).multiply(ONE_ETH));
        // per deposit: 1 stETH; total: what the strategy holds now + 1.5 stETH
        BigInteger held = stEthToken.call_balanceOf(strategy).send();
        BigInteger total = held.add(ONE_ETH.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO));
        el.setTVLLimits(strategy, ONE_ETH, total);
        try (Restaking client = DevnetClients.client(devnet, staker)) {
            assertEquals(ONE_ETH, limited.call_getTVLLimits().send().component1());
            assertEquals(total, limited.call_getTVLLimits().send().component2());

            BigInteger nonce = nonce(devnet, staker);
            SimulationRevertedException perDeposit = assertThrows(SimulationRevertedException.class,
                    () -> client.eigenLayer().deposit(Amount.parse("1.000000000000000001", stEth)).send());
            assertEquals("MaxPerDepositExceedsMax", perDeposit.revert().name(), perDeposit.getMessage());
            assertEquals(nonce, nonce(devnet, staker), "nothing was sent");

            // exactly the per-deposit limit is accepted: the strategy then holds held + 1 <= total
            DepositResult first = client.eigenLayer().deposit(Amount.parse("1", stEth)).send();
            assertTrue(first.shares().value().signum() > 0);

            // a second 1 stETH would leave held + 2 > total
            BigInteger nonceAfterFirst = nonce(devnet, staker);
            SimulationRevertedException overTotal = assertThrows(SimulationRevertedException.class,
                    () -> client.eigenLayer().deposit(Amount.parse("1", stEth)).send());
            assertEquals("BalanceExceedsMaxTotalDeposits", overTotal.revert().name(), overTotal.getMessage());
            assertEquals(nonceAfterFirst, nonce(devnet, staker), "nothing was sent");
        } finally {
            el.setTVLLimits(strategy, max, max);
        }
    }
}
