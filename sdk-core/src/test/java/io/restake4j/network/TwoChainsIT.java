package io.restake4j.network;

import static io.restake4j.testing.DevnetAccounts.nonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.lido.Lido;
import io.restake4j.testing.DevnetClients;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * Two chains at once: two anvils with different chain ids and the same fixtures, so the same contract addresses;
 * one account, two clients. A token knows its chain: the same address on the other chain is another token, its
 * amounts are refused by the other client before anything is signed, and they do not add up.
 */
class TwoChainsIT {

    @Test
    void theSameAccountOnTwoChainsKeepsTheirTokensApart() throws Exception {
        try (Devnet home = Devnet.builder().etherFi(false).rocketPool(false).eigenLayer(false).symbiotic(false).start();
                Devnet away = Devnet.builder().chainId(42161).etherFi(false).rocketPool(false).eigenLayer(false)
                        .symbiotic(false).start()) {
            Credentials me = home.account(3);
            assertEquals(me.getAddress(), away.account(3).getAddress(), "the same account on both");
            assertNotEquals(home.chainId(), away.chainId());
            try (Restaking a = DevnetClients.client(home, me); Restaking b = DevnetClients.client(away, away.account(3))) {
                Lido lidoA = a.lido();
                Lido lidoB = b.lido();
                Token stEthA = lidoA.stETH();
                Token stEthB = lidoB.stETH();
                assertEquals(stEthA.address(), stEthB.address(), "same fixtures, same addresses");
                assertEquals(home.chainId(), stEthA.chainId().getAsLong());
                assertEquals(42161L, stEthB.chainId().getAsLong());
                assertNotEquals(stEthA, stEthB, "the same address on two chains is two tokens");

                lidoA.stake(Amount.parse("2", Token.ETH)).send();
                Amount heldOnA = a.tokens().balance(stEthA, me.getAddress());
                BigInteger nonceB = nonce(away, me);
                InvalidInputException wrapOnB = assertThrows(InvalidInputException.class,
                        () -> lidoB.wrap(heldOnA).send());
                assertEquals(ErrorCode.WRONG_TOKEN, wrapOnB.code(), wrapOnB.getMessage());
                InvalidInputException sendOnB = assertThrows(InvalidInputException.class,
                        () -> b.tokens().transfer(heldOnA, me.getAddress()).send());
                assertEquals(ErrorCode.WRONG_TOKEN, sendOnB.code());
                assertTrue(sendOnB.getMessage().contains("chain " + home.chainId()), sendOnB.getMessage());
                assertEquals(nonceB, nonce(away, me), "nothing was sent on the other chain");
                InvalidInputException sum = assertThrows(InvalidInputException.class,
                        () -> heldOnA.plus(b.tokens().balance(stEthB, me.getAddress())));
                assertEquals(ErrorCode.WRONG_TOKEN, sum.code());

                lidoB.stake(Amount.parse("1", Token.ETH)).send();
                assertTrue(b.tokens().balance(stEthB, me.getAddress()).wei().signum() > 0, "staked on the other chain");
                assertEquals(heldOnA, a.tokens().balance(stEthA, me.getAddress()), "and nothing moved on the first");
            }
        }
    }
}
