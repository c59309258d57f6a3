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
        assertEquals(new BigInteger("882352941176470588"), r.sharesFor(E18));
        assertEquals(new BigInteger("882352941176470589"), r.sharesForWithdrawalAmount(E18));
        // 1e18 * 17 / 15 = 1133333333333333333.33...
        assertEquals(new BigInteger("1133333333333333333"), r.amountFor(E18));
        assertEquals(new BigInteger("1133333333333333334"), r.amountPerShareCeil());
        assertEquals(new BigInteger("1133333333333333333"), r.amountPerWrapped());
        assertEquals(new BigInteger("882352941176470588"), r.wrappedFor(E18), "wrap(1 eETH) mints its shares");
        assertEquals(new BigInteger("1133333333333333333"), r.unwrappedFor(E18), "unwrap(1 weETH) pays a share's worth");
        assertEquals(new BigInteger("882352941176470588"), r.wrappedPerAmount());
        assertEquals(BigInteger.ZERO, r.sharesFor(BigInteger.ONE), "1 wei buys no share");
        assertEquals(BigInteger.ONE, r.sharesForWithdrawalAmount(BigInteger.ONE), "but costs one to withdraw");
        assertEquals(BigInteger.ONE, r.amountFor(BigInteger.ONE));
    }

    @Test
    void depositsArePricedOnTheValueBeforeThem() {
        EtherFiRates empty = new EtherFiRates(BigInteger.ZERO, BigInteger.ZERO);
        assertEquals(eth(3), empty.sharesForDeposit(eth(3)), "first deposit 1:1");
        assertEquals(BigInteger.ZERO, empty.sharesFor(eth(3)), "the view answers 0 on an empty pool");
        assertEquals(BigInteger.ZERO, empty.amountFor(eth(3)));
        assertEquals(BigInteger.ZERO, empty.amountPerShareCeil(), "0 without shares, as the pool answers");
        assertEquals(BigInteger.ZERO, empty.amountPerWrapped());
        assertEquals(eth(3), empty.afterDeposit(eth(3)).amountFor(eth(3)), "the first depositor owns the pool");
        assertEquals(E18, empty.afterDeposit(eth(3)).amountPerShareCeil());
        EtherFiRates r = new EtherFiRates(eth(17), eth(15));
        assertEquals(new BigInteger("882352941176470588"), r.sharesForDeposit(E18));
        EtherFiRates after = r.afterDeposit(E18);
        assertEquals(eth(18), after.totalPooledEther());
        assertEquals(eth(15).add(new BigInteger("882352941176470588")), after.totalShares());
        // the eETH minted is worth a little less than the ether deposited
        assertEquals(new BigInteger("999999999999999999"), after.amountFor(new BigInteger("882352941176470588")));
    }

    @Test
    void claimableIsCappedByTheAmountRequested() {
        BigInteger share = new BigInteger("2647058823529411764");
        EtherFiRates now = new EtherFiRates(eth(16), eth(15));   // 1.0666... ether per share
        assertEquals(new BigInteger("2823529411764705882"),
                now.claimable(eth(3), share, new BigInteger("1066666666666666667")), "a loss before finalization");
        assertEquals(eth(3), now.claimable(eth(3), share, new BigInteger("1333333333333333334")), "rewards are not paid");
    }

    @Test
    void aRequestFinalizedBeforeRateSnapshotsIsPaidAtTheLiveRate() {
        BigInteger share = new BigInteger("2647058823529411764");
        EtherFiRates loss = new EtherFiRates(eth(16), eth(15));
        // 2647058823529411764 * 16 / 15 = 2823529411764705881.6 -> floor
        assertEquals(new BigInteger("2823529411764705881"), loss.claimable(eth(3), share, BigInteger.ZERO), "frozen rate 0: live rate");
        assertEquals(eth(3), new EtherFiRates(eth(20), eth(15)).claimable(eth(3), share, BigInteger.ZERO), "still capped");
        assertThrows(IllegalArgumentException.class, () -> new EtherFiRates(BigInteger.ONE.negate(), BigInteger.ONE));
    }
}
