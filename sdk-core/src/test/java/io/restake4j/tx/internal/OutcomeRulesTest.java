package io.restake4j.tx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.errors.ConfirmationTimeoutException;
import io.restake4j.errors.RpcException;
import io.restake4j.errors.SendOutcome;
import io.restake4j.tx.FeeBumpPolicy;
import io.restake4j.tx.Fees;

/** isRetryable follows the outcome; fee bumps meet the replacement rule; the simulation fallback needs -32601. */
class OutcomeRulesTest {

    private static SendOutcome outcome(SendOutcome.State state, SendOutcome.StepStatus... steps) {
        List<SendOutcome.StepRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            TransactionReceipt receipt = null;
            if (steps[i] == SendOutcome.StepStatus.MINED) {
                receipt = new TransactionReceipt();
                receipt.setTransactionHash("0x" + "11".repeat(32));
                receipt.setStatus("0x1");
            }
            records.add(new SendOutcome.StepRecord(i, "step " + i, steps[i], steps[i] == SendOutcome.StepStatus.NOT_SENT
                    ? null : BigInteger.valueOf(i), steps[i] == SendOutcome.StepStatus.NOT_SENT ? List.of()
                    : List.of("0x" + "2" + i + "ab".repeat(31)), receipt));
        }
        return new SendOutcome(state, "op", records, steps.length - 1);
    }

    @Test
    void aPassingFailureIsRetryableOnlyWhenNothingWasSent() {
        RpcException before = new RpcException("503", true, null);
        assertTrue(before.isRetryable(), "outside a send: as the failure says");
        before.withOutcome(outcome(SendOutcome.State.NOT_SENT, SendOutcome.StepStatus.NOT_SENT));
        assertTrue(before.isRetryable());

        RpcException afterApproval = new RpcException("503", true, null);
        afterApproval.withOutcome(outcome(SendOutcome.State.NOT_SENT, SendOutcome.StepStatus.MINED,
                SendOutcome.StepStatus.NOT_SENT));
        assertFalse(afterApproval.isRetryable(), "the approval is on chain: resume, do not send the operation again");
        assertTrue(afterApproval.getMessage().contains("step 1 (step 0): MINED"), afterApproval.getMessage());

        ConfirmationTimeoutException timeout = new ConfirmationTimeoutException(List.of("0x" + "33".repeat(32)),
                Duration.ofSeconds(1));
        assertFalse(timeout.isRetryable(), "a timeout may still be mined");
        timeout.withOutcome(outcome(SendOutcome.State.UNKNOWN, SendOutcome.StepStatus.PENDING));
        assertFalse(timeout.isRetryable());
        assertEquals(1, timeout.outcome().orElseThrow().pendingHashes().size());
        assertThrows(IllegalStateException.class, () -> timeout.withOutcome(outcome(SendOutcome.State.UNKNOWN,
                SendOutcome.StepStatus.PENDING)), "an outcome is attached once");
    }

    @Test
    void aFinalFailureIsNeverRetryable() {
        RpcException refused = new RpcException("insufficient funds", false, null);
        refused.withOutcome(outcome(SendOutcome.State.NOT_SENT, SendOutcome.StepStatus.NOT_SENT));
        assertFalse(refused.isRetryable());
    }

    @Test
    void bumpsRaiseBothFeesPastTheReplacementRuleAndRespectTheCap() {
        FeeBumpPolicy policy = FeeBumpPolicy.builder().build();
        Fees.Eip1559 f = (Fees.Eip1559) policy.bump(new Fees.Eip1559(BigInteger.valueOf(1_000), BigInteger.valueOf(100)));
        assertEquals(BigInteger.valueOf(1_125), f.maxFeePerGas());
        assertEquals(BigInteger.valueOf(113), f.maxPriorityFeePerGas(), "12.5% rounded up");
        Fees.Eip1559 tiny = (Fees.Eip1559) policy.bump(new Fees.Eip1559(BigInteger.ONE, BigInteger.ZERO));
        assertEquals(BigInteger.TWO, tiny.maxFeePerGas(), "at least one wei more");
        assertEquals(BigInteger.ONE, tiny.maxPriorityFeePerGas());

        FeeBumpPolicy capped = FeeBumpPolicy.builder().maxFeeCap(BigInteger.valueOf(1_099)).build();
        assertNull(capped.bump(new Fees.Eip1559(BigInteger.valueOf(1_000), BigInteger.valueOf(100))),
                "a cap below +10% leaves no valid replacement");
        Fees.Eip1559 atCap = (Fees.Eip1559) FeeBumpPolicy.builder().maxFeeCap(BigInteger.valueOf(1_110)).build()
                .bump(new Fees.Eip1559(BigInteger.valueOf(1_000), BigInteger.valueOf(100)));
        assertEquals(BigInteger.valueOf(1_110), atCap.maxFeePerGas());
        assertEquals(new Fees.Legacy(BigInteger.valueOf(1_125)), policy.bump(new Fees.Legacy(BigInteger.valueOf(1_000))));
        assertThrows(IllegalArgumentException.class, () -> FeeBumpPolicy.builder().percent(new java.math.BigDecimal("5")));
        assertFalse(FeeBumpPolicy.none().enabled());
    }

    @Test
    void onlyAMissingMethodTurnsTheSimulationOff() {
        assertTrue(Simulator.isUnsupported(new Response.Error(-32601, "Method not found")));
        assertTrue(Simulator.isUnsupported(new Response.Error(-32601,
                "the method eth_simulateV1 does not exist/is not available")));
        assertFalse(Simulator.isUnsupported(new Response.Error(-32000, "state not available, try again")));
        assertFalse(Simulator.isUnsupported(new Response.Error(-32000, "header not found")));
        assertFalse(Simulator.isUnsupported(new Response.Error(-32005, "limit exceeded")));
    }
}
