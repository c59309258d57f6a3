package io.restake4j.tx.fees;

import static io.restake4j.tx.fees.FeeFixtures.BUSY;
import static io.restake4j.tx.fees.FeeFixtures.node;
import static io.restake4j.tx.fees.FeeStrategies.gwei;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;

import io.restake4j.errors.RpcException;
import io.restake4j.testing.FakeWeb3jService;
import io.restake4j.tx.Fees;

class LegacyAndFixedFeeStrategyTest {

    @Test
    void legacyIsTheNodeGasPriceTimesTheMultiplierRoundedUp() {
        Web3j web3j = Web3j.build(node(BUSY, gwei(10)));
        assertEquals(new Fees.Legacy(gwei(10)), FeeStrategies.legacy().build().fees(web3j));
        assertEquals(new Fees.Legacy(gwei(11)),
                FeeStrategies.legacy().multiplier(new BigDecimal("1.1")).build().fees(web3j));
        assertEquals(new Fees.Legacy(BigInteger.valueOf(4)),
                FeeStrategies.legacy().multiplier(new BigDecimal("1.25")).build().fees(BigInteger.valueOf(3)));
    }

    @Test
    void legacyIsClampedToItsCap() {
        LegacyStrategy capped = FeeStrategies.legacy().multiplier(new BigDecimal("2")).maxGasPriceCap(gwei(15)).build();
        assertEquals(new Fees.Legacy(gwei(15)), capped.fees(Web3j.build(node(BUSY, gwei(10)))));
        assertEquals(new Fees.Legacy(gwei(14)), capped.fees(gwei(7)));
    }

    @Test
    void legacyBatchedSendsGasPriceAndComputesTheSameFees() throws IOException {
        LegacyStrategy s = FeeStrategies.legacy().multiplier(new BigDecimal("1.5")).build();
        Web3j web3j = Web3j.build(node(BUSY, gwei(10)));
        FeeStrategy.Batched batched = s.batched(web3j);
        assertEquals("eth_gasPrice", batched.request().getMethod());
        assertEquals(s.fees(web3j), batched.fees(batched.request().send()));
        assertEquals(new Fees.Legacy(gwei(15)), batched.fees(batched.request().send()));
    }

    @Test
    void legacyErrorsBecomeRpcExceptions() {
        FakeWeb3jService fake = new FakeWeb3jService(r -> FakeWeb3jService.error(-32000, "boom"));
        assertThrows(RpcException.class, () -> FeeStrategies.legacy().build().fees(Web3j.build(fake)));
        assertThrows(IllegalArgumentException.class, () -> FeeStrategies.legacy().multiplier(BigDecimal.ZERO));
    }

    @Test
    void fixedNeverAsksTheNode() {
        Fees fees = new Fees.Eip1559(gwei(30), gwei(1));
        FeeStrategy fixed = FeeStrategies.fixed(fees);
        FakeWeb3jService fake = node(BUSY, gwei(1));
        assertSame(fees, fixed.fees(Web3j.build(fake)));
        assertNull(fixed.batched(Web3j.build(fake)));
        assertEquals(0, fake.roundTrips());
    }

    @Test
    void gweiHelpers() {
        assertEquals(new BigInteger("30000000000"), gwei(30));
        assertEquals(BigInteger.valueOf(10_000_000), gwei("0.01"));
        assertThrows(IllegalArgumentException.class, () -> gwei("0.0000000001"));
    }
}
