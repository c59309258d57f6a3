package io.restake4j.tx.fees;

import static io.restake4j.tx.fees.FeeFixtures.BUSY;
import static io.restake4j.tx.fees.FeeFixtures.hex;
import static io.restake4j.tx.fees.FeeFixtures.history;
import static io.restake4j.tx.fees.FeeStrategies.gwei;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.EthFeeHistory;

import io.restake4j.errors.FeeCapExceededException;
import io.restake4j.errors.RestakeException;
import io.restake4j.tx.Fees;

class Eip1559FeeMathTest {

    final Eip1559Strategy defaults = FeeStrategies.eip1559().build();

    @Test
    void priorityIsTheMedianOfTheNonZeroRewardsAndMaxFeeIsTwiceTheNextBaseFeePlusPriority() {
        // non-zero rewards 1, 3, 2 gwei -> median 2 gwei; next base fee 10 gwei
        Fees.Eip1559 fees = defaults.fees(BUSY);
        assertEquals(gwei(2), fees.maxPriorityFeePerGas());
        assertEquals(gwei(22), fees.maxFeePerGas());
    }

    @Test
    void anEvenCountTakesTheHigherMiddleValue() {
        Fees.Eip1559 fees = defaults.fees(history(gwei(10), gwei(4), gwei(1), gwei(3), gwei(2)));
        assertEquals(gwei(3), fees.maxPriorityFeePerGas());
    }

    @Test
    void theNextBaseFeeIsTheLastEntryNotTheNewestBlocks() {
        EthFeeHistory.FeeHistory rising = new EthFeeHistory.FeeHistory("0x10",
                List.of(List.of(hex(gwei(1))), List.of(hex(gwei(1)))),
                List.of(hex(gwei(8)), hex(gwei(9)), hex(gwei(10))), List.of(1.0, 1.0));
        assertEquals(gwei(21), defaults.fees(rising).maxFeePerGas());
    }

    @Test
    void withoutRewardsThePriorityIsTheFloor() {
        Fees.Eip1559 quiet = defaults.fees(history(gwei(1), BigInteger.ZERO, BigInteger.ZERO));
        assertEquals(gwei("0.01"), quiet.maxPriorityFeePerGas());
        assertEquals(gwei(2).add(gwei("0.01")), quiet.maxFeePerGas());

        EthFeeHistory.FeeHistory noRewardField = new EthFeeHistory.FeeHistory("0x10", null,
                List.of(hex(gwei(1)), hex(gwei(1))), List.of(0.1));
        assertEquals(gwei("0.01"), defaults.fees(noRewardField).maxPriorityFeePerGas());
    }

    @Test
    void rewardsBelowTheFloorAreRaisedToIt() {
        Eip1559Strategy floor = FeeStrategies.eip1559().minPriorityFee(gwei(1)).build();
        Fees.Eip1559 fees = floor.fees(history(gwei(10), gwei("0.2"), gwei("0.3"), gwei("0.1")));
        assertEquals(gwei(1), fees.maxPriorityFeePerGas());
        assertEquals(gwei(21), fees.maxFeePerGas());
    }

    @Test
    void theBaseFeeMultiplierIsExactAndRoundsUp() {
        Eip1559Strategy oneAndAHalf = FeeStrategies.eip1559().baseFeeMultiplier(new BigDecimal("1.5"))
                .minPriorityFee(BigInteger.ZERO).build();
        // 7 wei x 1.5 = 10.5 -> 11 wei, plus a 3 wei reward
        Fees.Eip1559 fees = oneAndAHalf.fees(history(BigInteger.valueOf(7), BigInteger.valueOf(3)));
        assertEquals(BigInteger.valueOf(14), fees.maxFeePerGas());
        assertEquals(BigInteger.valueOf(3), fees.maxPriorityFeePerGas());
        // no floating point on large values: 123456789012345678901 wei x 1.5 + 0
        BigInteger huge = new BigInteger("123456789012345678901");
        assertEquals(new BigInteger("185185183518518518352"), oneAndAHalf.fees(history(huge)).maxFeePerGas());
    }

    @Test
    void thePriorityCapClampsThePriorityFee() {
        Eip1559Strategy capped = FeeStrategies.eip1559().maxPriorityFeeCap(gwei("1.5")).build();
        Fees.Eip1559 fees = capped.fees(BUSY);
        assertEquals(gwei("1.5"), fees.maxPriorityFeePerGas());
        assertEquals(gwei("21.5"), fees.maxFeePerGas());
    }

    @Test
    void aMaxFeeAboveTheCapIsClampedWhenTheBaseFeeFits() {
        Eip1559Strategy capped = FeeStrategies.eip1559().maxFeeCap(gwei(15)).build();
        Fees.Eip1559 fees = capped.fees(BUSY);
        assertEquals(gwei(15), fees.maxFeePerGas());
        assertEquals(gwei(2), fees.maxPriorityFeePerGas());
    }

    @Test
    void aCapClampAlsoKeepsThePriorityWithinTheMaxFee() {
        Eip1559Strategy capped = FeeStrategies.eip1559().maxFeeCap(gwei(1)).build();
        Fees.Eip1559 fees = capped.fees(history(gwei("0.5"), gwei(2)));
        assertEquals(gwei(1), fees.maxFeePerGas());
        assertEquals(gwei(1), fees.maxPriorityFeePerGas());

        Fees.Eip1559 atTheCap = FeeStrategies.eip1559().maxFeeCap(gwei(10)).build().fees(BUSY);
        assertEquals(gwei(10), atTheCap.maxFeePerGas());
        assertEquals(gwei(2), atTheCap.maxPriorityFeePerGas());
    }

    @Test
    void aNextBaseFeeAboveTheCapMakesInclusionImpossible() {
        Eip1559Strategy capped = FeeStrategies.eip1559().maxFeeCap(gwei(9)).build();
        FeeCapExceededException e = assertThrows(FeeCapExceededException.class, () -> capped.fees(BUSY));
        assertEquals(gwei(10), e.baseFeePerGas());
        assertEquals(gwei(9), e.maxFeeCap());
        assertTrue(e.getMessage().contains("above the max fee cap"), e.getMessage());
        assertFalse(e.isRetryable());
    }

    @Test
    void aHistoryWithoutBaseFeesIsRefused() {
        EthFeeHistory.FeeHistory none = new EthFeeHistory.FeeHistory("0x10", List.of(), List.of(), List.of());
        RestakeException e = assertThrows(RestakeException.class, () -> defaults.fees(none));
        assertTrue(e.getMessage().contains("legacy"), e.getMessage());
        EthFeeHistory.FeeHistory missing = new EthFeeHistory.FeeHistory("0x10", null, null, null);
        assertThrows(RestakeException.class, () -> defaults.fees(missing));
    }

    @Test
    void theBuilderRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> FeeStrategies.eip1559().blocks(0));
        assertThrows(IllegalArgumentException.class, () -> FeeStrategies.eip1559().blocks(1025));
        assertThrows(IllegalArgumentException.class, () -> FeeStrategies.eip1559().rewardPercentile(101));
        assertThrows(IllegalArgumentException.class, () -> FeeStrategies.eip1559().rewardPercentile(Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> FeeStrategies.eip1559().baseFeeMultiplier(new BigDecimal("0.9")));
        assertThrows(IllegalArgumentException.class, () -> FeeStrategies.eip1559().maxFeeCap(BigInteger.ONE.negate()));
    }

    @Test
    void toBuilderKeepsEverySetting() {
        Eip1559Strategy s = FeeStrategies.eip1559().blocks(20).rewardPercentile(75).baseFeeMultiplier(BigDecimal.ONE)
                .minPriorityFee(gwei(1)).maxPriorityFeeCap(gwei(2)).maxFeeCap(gwei(50)).build();
        Eip1559Strategy copy = s.toBuilder().build();
        assertEquals(s.toString(), copy.toString());
        assertEquals(20, copy.blocks());
        assertEquals(75, copy.rewardPercentile());
        assertEquals(gwei(50), copy.maxFeeCap());
        assertNull(defaults.maxFeeCap());
        assertEquals(10, defaults.blocks());
        assertEquals(50, defaults.rewardPercentile());
        assertEquals(BigDecimal.TWO, defaults.baseFeeMultiplier());
    }
}
