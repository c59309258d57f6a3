package io.restake4j.etherfi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

/** EtherFiRates' rounding on hand-computed cases (the devnet IT compares it with the contracts). */
class EtherFiRatesTest {

    private static final BigInteger E18 = BigInteger.TEN.pow(18);

    private static BigInteger eth(long n) {
        return E18.multiply(BigInteger.valueOf(n));
    }

    @Test
    void seventeenEtherOverFifteenShares() {
        EtherFiRates r = new EtherFiRates(eth(17), eth(15));
        // 1e18 * 15 / 17 = 882352941176470588.23...
        assertEquals(new BigInteger("882352941176470588"), r.sharesForAmount(E18));
        assertEquals(new BigInteger("882352941176470589"), r.sharesForWithdrawalAmount(E18));
        // 1e18 * 17 / 15 = 1133333333333333333.33...
        assertEquals(new BigInteger("1133333333333333333"), r.amountForShare(E18));
        assertEquals(new BigInteger("1133333333333333334"), r.amountPerShareCeil());
        assertEquals(new BigInteger("1133333333333333333"), r.weEthRate());
        assertEquals(r.sharesForAmount(E18), r.weEthForEEth(E18));
        assertEquals(r.amountForShare(E18), r.eEthForWeEth(E18));
        assertEquals(BigInteger.ZERO, r.sharesForAmount(BigInteger.ONE), "1 wei buys no share");
        assertEquals(BigInteger.ONE, r.sharesForWithdrawalAmount(BigInteger.ONE), "but costs one to withdraw");
        assertEquals(BigInteger.ONE, r.amountForShare(BigInteger.ONE));
    }

    @Test
    void depositsArePricedOnTheValueBeforeThem() {
        EtherFiRates empty = new EtherFiRates(BigInteger.ZERO, BigInteger.ZERO);
        assertEquals(eth(3), empty.sharesForDeposit(eth(3)), "first deposit 1:1");
        assertEquals(BigInteger.ZERO, empty.sharesForAmount(eth(3)), "the view answers 0 on an empty pool");
        assertEquals(BigInteger.ZERO, empty.amountForShare(eth(3)));
        assertEquals(BigInteger.ZERO, empty.amountPerShareCeil(), "0 without shares, as the pool answers");
        assertEquals(BigInteger.ZERO, empty.weEthRate());
        assertEquals(eth(3), empty.afterDeposit(eth(3)).amountForShare(eth(3)), "the first depositor owns the pool");
        assertEquals(E18, empty.afterDeposit(eth(3)).amountPerShareCeil());
        EtherFiRates r = new EtherFiRates(eth(17), eth(15));
        assertEquals(new BigInteger("882352941176470588"), r.sharesForDeposit(E18));
        EtherFiRates after = r.afterDeposit(E18);
        assertEquals(eth(18), after.totalPooledEther());
        assertEquals(eth(15).add(new BigInteger("882352941176470588")), after.totalShares());
        // the eETH minted is worth a little less than the ether deposited
        assertEquals(new BigInteger("999999999999999999"), after.amountForShare(new BigInteger("882352941176470588")));
    }

    @Test
    void claimableIsCappedByTheAmountRequested() {
        BigInteger share = new BigInteger("2647058823529411764");
        assertEquals(new BigInteger("2823529411764705882"),
                EtherFiRates.claimable(eth(3), share, new BigInteger("1066666666666666667")), "a loss before finalization");
        assertEquals(eth(3), EtherFiRates.claimable(eth(3), share, new BigInteger("1333333333333333334")), "rewards are not paid");
        assertThrows(IllegalArgumentException.class, () -> new EtherFiRates(BigInteger.ONE.negate(), BigInteger.ONE));
    }
}
