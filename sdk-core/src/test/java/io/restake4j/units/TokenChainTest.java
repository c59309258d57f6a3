package io.restake4j.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

/** Tokens that know their chain: the same contract address on two chains is two tokens. */
class TokenChainTest {

    private static final String ADDRESS = "0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0";

    @Test
    void theSameAddressOnTwoChainsIsTwoTokens() {
        Token onMainnet = Token.erc20(1, ADDRESS, "wstETH", 18);
        Token onArbitrum = Token.erc20(42161, ADDRESS, "wstETH", 18);
        assertNotEquals(onMainnet, onArbitrum);
        assertEquals(OptionalLong.of(1), onMainnet.chainId());
        InvalidInputException add = assertThrows(InvalidInputException.class,
                () -> Amount.parse("1", onMainnet).plus(Amount.parse("1", onArbitrum)));
        assertEquals(ErrorCode.WRONG_TOKEN, add.code());
        assertTrue(add.getMessage().contains("chain 1") && add.getMessage().contains("chain 42161"), add.getMessage());
        assertNotEquals(Amount.parse("1", onMainnet), Amount.parse("1", onArbitrum));
    }

    @Test
    void aTokenThatNamesNoChainMatchesItsContractOnAnyChain() {
        Token anyChain = Token.erc20(ADDRESS, "wstETH", 18);
        Token onMainnet = anyChain.onChain(1);
        assertEquals(OptionalLong.empty(), anyChain.chainId());
        assertEquals(anyChain, onMainnet);
        assertEquals(anyChain.hashCode(), onMainnet.hashCode());
        assertEquals(Amount.parse("2", onMainnet), Amount.parse("1", anyChain).plus(Amount.parse("1", onMainnet)));
        assertTrue(onMainnet.toString().contains("chain 1"), onMainnet.toString());
    }

    @Test
    void aChainIsPositiveAndATokenKeepsItsChain() {
        Token onMainnet = Token.erc20(1, ADDRESS, "wstETH", 18);
        assertEquals(ErrorCode.OUT_OF_RANGE, assertThrows(InvalidInputException.class, () -> onMainnet.onChain(0)).code());
        assertEquals(ErrorCode.TOKEN_MISMATCH, assertThrows(InvalidInputException.class, () -> onMainnet.onChain(10)).code());
        assertEquals(onMainnet, onMainnet.onChain(1));
        assertSame(Token.ETH, Token.ETH.onChain(1), "native ether is not tied to a chain");
    }
}
