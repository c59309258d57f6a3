package io.restake4j.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.restake4j.eigenlayer.Position;
import io.restake4j.eigenlayer.Positions;
import io.restake4j.units.Amount;
import io.restake4j.units.Shares;
import io.restake4j.units.Token;

/** What users read shows units: fees in gwei and ETH (with the wei), positions in their token. */
class ReadableFiguresTest {

    private static final BigInteger GWEI = BigInteger.TEN.pow(9);

    @Test
    void feesReadInGwei() {
        assertEquals("EIP-1559 fees: at most 30 gwei per gas, priority 1.5 gwei",
                new Fees.Eip1559(GWEI.multiply(BigInteger.valueOf(30)), GWEI.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO))
                        .toString());
        assertEquals("legacy gas price 0.000000001 gwei", new Fees.Legacy(BigInteger.ONE).toString());
    }

    @Test
    void anAmountWithItsWei() {
        assertEquals("0.0021 ETH (2100000000000000 wei)", Amount.parse("0.0021", Token.ETH).toStringWithWei());
        Token usdc = Token.erc20("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", "USDC", 6);
        assertEquals("1.5 USDC (1500000 base units)", Amount.parse("1.5", usdc).toStringWithWei());
    }

    @Test
    void aPreviewShowsFeesAndValueInEth() {
        Step stake = Step.raw("submit", "0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84", "0xa1903eab", BigInteger.TEN.pow(18));
        SimulatedStep simulated = new SimulatedStep(0, stake, true, true, null, BigInteger.valueOf(70_000),
                BigInteger.valueOf(80_000), List.of(), null);
        Preview p = new Preview("stake 1 ETH", List.of(simulated), new Fees.Eip1559(GWEI.multiply(BigInteger.TEN), GWEI),
                GWEI.multiply(BigInteger.valueOf(4)), true, "eth_simulateV1", List.of());
        String text = p.toString();
        // at most 80000 gas x 10 gwei = 0.0008 ETH; expected 70000 x (4 + 1) gwei = 0.00035 ETH
        assertTrue(text.contains("expected 0.00035 ETH (350000000000000 wei), at most 0.0008 ETH (800000000000000 wei)"), text);
        assertTrue(text.contains("value sent: 1 ETH (1000000000000000000 wei)"), text);
        assertEquals(BigInteger.TEN.pow(18).add(BigInteger.valueOf(800_000_000_000_000L)), p.maxCostWei());
    }

    @Test
    void positionsReadInTheirToken() {
        Token stEth = Token.erc20("0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84", "stETH", 18);
        String unit = "EigenLayer stETH strategy shares";
        Shares three = Shares.of(BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(3)), unit);
        Position p = new Position("0x93c4b944D05dfe6df7645A86cd2206016c51564D", stEth.address(), three, three,
                Shares.zero(unit), Amount.parse("3", stEth));
        Positions all = new Positions("0x1111111111111111111111111111111111111111",
                "0x0000000000000000000000000000000000000000", List.of(p));
        String text = all.toString();
        assertTrue(text.startsWith("EigenLayer positions of 0x1111111111111111111111111111111111111111 (not delegated):"), text);
        assertTrue(text.contains("3 stETH withdrawable (3000000000000000000 EigenLayer stETH strategy shares) in strategy"
                + " 0x93c4b944D05dfe6df7645A86cd2206016c51564D"), text);
    }
}
