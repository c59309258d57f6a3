package io.restake4j.network;

import static io.restake4j.testing.DevnetAccounts.nonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.karak.KarakPosition;
import io.restake4j.lido.Lido;
import io.restake4j.testing.CountingHttpService;
import io.restake4j.testing.DevnetAccounts;
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
            karakOnEachChain(home, away, me);
        }
    }

    /**
     * Karak on both chains: a v1 deposit on the first, a v1 and a v2 deposit on the second (Arbitrum's chain id); one
     * positions read per chain, each counted, each in its chain's tokens.
     */
    private static void karakOnEachChain(Devnet home, Devnet away, Credentials me) throws Exception {
        String[] v1 = new String[2];
        String v2 = null;
        Devnet[] chains = {home, away};
        for (int i = 0; i < 2; i++) {
            TestToken token = chains[i].deployToken("Wrapped staked ETH", "wstETH", 18);
            token.send_mint(me.getAddress(), DevnetAccounts.eth(10)).send();
            v1[i] = chains[i].karak().createVault(token.getContractAddress(), DevnetAccounts.eth(1_000));
            if (i == 1) {
                Credentials operator = DevnetAccounts.fresh(away, 370, 5);
                away.karak().allowlistAsset(token.getContractAddress());
                v2 = away.karak().deployOperatorVault(operator, token.getContractAddress(), "v2", "kv2", null);
            }
        }
        CountingHttpService countA = new CountingHttpService(home.rpcUrl());
        CountingHttpService countB = new CountingHttpService(away.rpcUrl());
        try (Restaking a = DevnetClients.client(home, me, countA); Restaking b = DevnetClients.client(away, me, countB)) {
            Token onA = a.karak().asset(v1[0]);
            Token onB = b.karak().asset(v1[1]);
            a.karak().deposit(v1[0], Amount.parse("3", onA), 0).send();
            b.karak().deposit(v1[1], Amount.parse("2", onB), 0).send();
            b.karak().v2Vault(v2).deposit(Amount.parse("1", onB), 0).send();
            a.karak().positions(me.getAddress());
            b.karak().positions(me.getAddress(), v2); // tokens and the v2 check, read once and kept

            countA.reset();
            countB.reset();
            List<KarakPosition> first = a.karak().positions(me.getAddress());
            List<KarakPosition> second = b.karak().positions(me.getAddress(), v2);
            assertEquals(2, countA.roundTrips(), "one positions read on the first chain: " + countA.log());
            assertEquals(2, countB.roundTrips(), "one positions read on the second chain: " + countB.log());
            assertEquals(List.of(new KarakPosition(v1[0], KarakPosition.Kind.SUPERVISOR_CREDIT,
                    Amount.ofWei(DevnetAccounts.eth(3), a.tokens().token(v1[0])), Amount.parse("3", onA))), first);
            assertEquals(List.of(new KarakPosition(v1[1], KarakPosition.Kind.SUPERVISOR_CREDIT,
                            Amount.ofWei(DevnetAccounts.eth(2), b.tokens().token(v1[1])), Amount.parse("2", onB)),
                    new KarakPosition(v2, KarakPosition.Kind.V2_SHARES,
                            Amount.ofWei(DevnetAccounts.eth(1), b.tokens().token(v2)), Amount.parse("1", onB))), second);
            assertEquals(home.chainId(), first.get(0).assets().token().chainId().getAsLong());
            assertEquals(42161L, second.get(0).assets().token().chainId().getAsLong());
            InvalidInputException sum = assertThrows(InvalidInputException.class,
                    () -> first.get(0).assets().plus(second.get(0).assets()));
            assertEquals(ErrorCode.WRONG_TOKEN, sum.code(), "wstETH on two chains does not add up");
        }
    }
}
