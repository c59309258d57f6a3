package io.restake4j.eigenlayer;

import static io.restake4j.testing.DevnetAccounts.nonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EigenLayerDevnet;
import io.restake4j.devnet.fixtures.eigenlayer.StrategyManager;
import io.restake4j.errors.SimulationRevertedException;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * EigenLayer's Pausable: while the StrategyManager's deposits flag (0) is set, the SDK's simulation meets
 * {@code CurrentlyPaused()} and refuses the deposit before signing; after unpausing, the deposit goes through.
 */
@DevnetTest
class PausedEigenLayerIT {

    @Test
    void pausedDepositsAreRefusedBeforeSigningWithCurrentlyPausedDecoded(Devnet devnet, @Account(6) Credentials staker)
            throws Exception {
        EigenLayerDevnet el = devnet.eigenLayer();
        StrategyManager sm = StrategyManager.load(el.strategyManager(), devnet.web3j(),
                devnet.transactionManager(staker), devnet.gasProvider());
        el.stakeStETHFor(staker.getAddress(), BigInteger.TEN.pow(18));
        Token stEth = Token.erc20(el.stETH(), "stETH", 18);
        el.pause(el.strategyManager(), 0);
        try (Restaking client = DevnetClients.client(devnet, staker)) {
            assertTrue(sm.call_paused(BigInteger.ZERO).send());
            assertEquals(BigInteger.ONE, sm.call_paused().send());
            BigInteger nonce = nonce(devnet, staker);
            SimulationRevertedException e = assertThrows(SimulationRevertedException.class,
                    () -> client.eigenLayer().deposit(Amount.parse("0.5", stEth)).send());
            assertEquals("CurrentlyPaused", e.revert().name(), e.getMessage());
            assertEquals(nonce, nonce(devnet, staker), "nothing was sent");

            el.unpause(el.strategyManager(), 0);
            assertFalse(sm.call_paused(BigInteger.ZERO).send());
            DepositResult d = client.eigenLayer().deposit(Amount.parse("0.5", stEth)).send();
            assertTrue(d.shares().value().signum() > 0);
        } finally {
            if (sm.call_paused(BigInteger.ZERO).send()) {
                el.unpause(el.strategyManager(), 0);
            }
        }
    }
}
