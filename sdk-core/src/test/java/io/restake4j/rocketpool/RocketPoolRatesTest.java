package io.restake4j.rocketpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import io.restake4j.errors.InvalidInputException;

/** rETH conversions and the deposit fee, rounded down as RocketTokenRETH and RocketDepositPool do. */
class RocketPoolRatesTest {

    private static final BigInteger ETH = BigInteger.TEN.pow(18);

    private static BigInteger wei(long v) {
        return BigInteger.valueOf(v);
    }

    @Test
    void oneToOneUntilTheFirstReport() {
        RocketPoolRates none = new RocketPoolRates(BigInteger.ZERO, BigInteger.ZERO);
        assertEquals(ETH, none.exchangeRate());
        assertEquals(wei(12345), none.ethValue(wei(12345)));
        assertEquals(wei(12345), none.rethValue(wei(12345)));
        // a total without supply is still 1:1 (the supply decides)
        RocketPoolRates totalOnly = new RocketPoolRates(wei(5), BigInteger.ZERO);
        assertEquals(wei(7), totalOnly.rethValue(wei(7)));
    }

    @Test
    void conversionsRoundDown() {
        RocketPoolRates r = new RocketPoolRates(wei(10), wei(3)); // 3.333... ETH per rETH
        assertEquals(new BigInteger("3333333333333333333"), r.exchangeRate());
        assertEquals(wei(3), r.ethValue(BigInteger.ONE));   // 10/3
        assertEquals(wei(6), r.ethValue(BigInteger.TWO));   // 20/3
        assertEquals(wei(2), r.rethValue(wei(7)));          // 21/10
        assertEquals(BigInteger.ZERO, r.rethValue(wei(3))); // 9/10
        assertEquals(new BigInteger("300000000000000000"), r.rethValue(ETH));
        // a rate just above 1: 10.5 ETH over 9.995 rETH
        RocketPoolRates up = new RocketPoolRates(new BigInteger("10500000000000000000"), new BigInteger("9995000000000000000"));
        assertEquals(new BigInteger("1050525262631315657"), up.exchangeRate());
        assertEquals(new BigInteger("6660001666666666666"), up.rethValue(new BigInteger("6996500000000000000")));
        assertTrue(up.ethValue(up.rethValue(ETH)).compareTo(ETH) <= 0, "a round trip never gains");
    }

    @Test
    void zeroTotalWithASupplyHasNoRethValue() {
        RocketPoolRates broken = new RocketPoolRates(BigInteger.ZERO, wei(1));
        assertEquals(BigInteger.ZERO, broken.ethValue(ETH));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> broken.rethValue(ETH));
        assertTrue(e.getMessage().contains("total network balance is zero"), e.getMessage());
    }

    @Test
    void maxRethForIsTheLargestAmountWithinTheEth() {
        RocketPoolRates none = new RocketPoolRates(BigInteger.ZERO, BigInteger.ZERO);
        assertEquals(wei(5), none.maxRethFor(wei(5)));
        RocketPoolRates r = new RocketPoolRates(wei(10), wei(3)); // ethValue(r) = floor(10r / 3)
        assertEquals(wei(1), r.maxRethFor(wei(3)));  // 10/3 = 3 <= 3, 20/3 = 6 > 3
        assertEquals(wei(1), r.maxRethFor(wei(5)));
        assertEquals(wei(2), r.maxRethFor(wei(6)));  // 20/3 = 6
        assertEquals(BigInteger.ZERO, r.maxRethFor(wei(2)));
        RocketPoolRates below = new RocketPoolRates(wei(7), wei(10)); // floor(7r / 10)
        assertEquals(wei(15), below.maxRethFor(wei(10))); // 105/10 = 10, 112/10 = 11
        RocketPoolRates up = new RocketPoolRates(new BigInteger("10500000000000000000"), new BigInteger("9995000000000000000"));
        BigInteger collateral = new BigInteger("2000000000000000000");
        BigInteger max = up.maxRethFor(collateral);
        assertTrue(up.ethValue(max).compareTo(collateral) <= 0);
        assertTrue(up.ethValue(max.add(BigInteger.ONE)).compareTo(collateral) > 0, "one wei more is too much");
        assertEquals(BigInteger.ZERO, new RocketPoolRates(BigInteger.ZERO, wei(1)).maxRethFor(ETH));
    }

    @Test
    void depositFeeAndMint() {
        BigInteger fee = new BigInteger("500000000000000"); // 0.05%
        assertEquals(new BigInteger("5000000000000000"), RocketPoolRates.depositFee(ETH.multiply(BigInteger.TEN), fee));
        assertEquals(BigInteger.ZERO, RocketPoolRates.depositFee(wei(1999), fee), "floor(1999 * 5e14 / 1e18) = 0");
        assertEquals(BigInteger.ONE, RocketPoolRates.depositFee(wei(2000), fee));
        RocketPoolRates up = new RocketPoolRates(new BigInteger("10500000000000000000"), new BigInteger("9995000000000000000"));
        // 7 ETH: fee 0.0035, net 6.9965 ETH, floor(6.9965e18 * 9.995e18 / 10.5e18)
        assertEquals(new BigInteger("6660001666666666666"), up.rethForDeposit(ETH.multiply(wei(7)), fee));
        assertThrows(InvalidInputException.class, () -> up.ethValue(wei(-1)));
    }
}
