package io.restake4j.etherfi;

import static io.restake4j.testing.DevnetAccounts.fresh;
import static io.restake4j.testing.DevnetAccounts.nonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EtherFiDevnet;
import io.restake4j.errors.SimulationRevertedException;
import io.restake4j.liquid.LiquidResult;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * ether.fi's guards as mainnet has them, met by the SDK: a paused pool and a blacklisted account are refused
 * before signing with the contracts' errors decoded by name and arguments; nothing is sent.
 */
@DevnetTest
class EtherFiGuardsIT {

    @Test
    void pausedPoolRefusesStakeAndRequestBeforeSigning(Devnet devnet, EtherFiDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 231, 10);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EtherFi etherFi = client.etherFi();
            etherFi.stake(Amount.parse("2", Token.ETH)).send();
            fixture.pausePool();
            try {
                BigInteger nonce = nonce(devnet, alice);
                SimulationRevertedException stake = assertThrows(SimulationRevertedException.class,
                        () -> etherFi.stake(Amount.parse("1", Token.ETH)).send());
                assertEquals("ContractPaused", stake.revert().name(), stake.getMessage());
                SimulationRevertedException request = assertThrows(SimulationRevertedException.class,
                        () -> etherFi.withdrawals().request(Amount.parse("1", etherFi.eETH())).send());
                assertEquals("ContractPaused", request.revert().name(), request.getMessage());
                assertEquals(nonce, nonce(devnet, alice), "nothing was sent");
            } finally {
                fixture.unpausePool();
            }
            LiquidResult requested = etherFi.withdrawals().request(Amount.parse("1", etherFi.eETH())).send();
            assertEquals(1, requested.requestIds().size());
        }
    }

    @Test
    void blacklistedAccountIsRefusedWithItsAddressDecoded(Devnet devnet, EtherFiDevnet fixture) throws Exception {
        Credentials mallory = fresh(devnet, 232, 10);
        Credentials keeper = fresh(devnet, 233, 1);
        try (Restaking client = DevnetClients.client(devnet, mallory);
                Restaking keeperClient = DevnetClients.client(devnet, keeper)) {
            EtherFi etherFi = client.etherFi();
            etherFi.stake(Amount.parse("3", Token.ETH)).send();
            BigInteger id = etherFi.withdrawals().request(Amount.parse("1", etherFi.eETH())).send().requestIds().get(0);
            fixture.finalizeAll();
            fixture.blacklist(mallory.getAddress());
            try {
                BigInteger nonce = nonce(devnet, mallory);
                SimulationRevertedException stake = assertThrows(SimulationRevertedException.class,
                        () -> etherFi.stake(Amount.parse("1", Token.ETH)).send());
                assertEquals("BlacklistedUser", stake.revert().name(), stake.getMessage());
                assertEquals(List.of(Keys.toChecksumAddress(mallory.getAddress())),
                        stake.revert().arguments().stream().map(a -> Keys.toChecksumAddress(a.toString())).toList());
                // a keeper's claim burns mallory's NFT: the transfer hook refuses the blacklisted owner
                BigInteger keeperNonce = nonce(devnet, keeper);
                SimulationRevertedException claim = assertThrows(SimulationRevertedException.class,
                        () -> keeperClient.etherFi().withdrawals().claimIds(id).send());
                assertEquals("BlacklistedUser", claim.revert().name(), claim.getMessage());
                assertEquals(nonce, nonce(devnet, mallory), "nothing was sent");
                assertEquals(keeperNonce, nonce(devnet, keeper), "nothing was sent");
            } finally {
                fixture.unblacklist(mallory.getAddress());
            }
            LiquidResult claimed = etherFi.withdrawals().claimIds(id).send();
            assertTrue(claimed.amount().wei().signum() > 0);
        }
    }
}
