package io.restake4j.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.RemoteFunctionCall;

import io.restake4j.Restaking;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.fixtures.testing.ErrorProbe;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.testing.DevnetClients;
import io.restake4j.tx.Execution;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;

/** Reverts of every kind surface as exceptions that name the error and its decoded arguments. */
@DevnetTest
class RevertDecodingIT {

    private static String probe;

    @BeforeAll
    static void deploy(Devnet devnet, @Account(0) Credentials alice) throws Exception {
        probe = ErrorProbe.deploy(devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider()).send()
                .getContractAddress();
    }

    @Test
    void customErrorByNameAndArguments(Devnet devnet, @Account(0) Credentials alice) {
        SimulationRevertedException e = fails(devnet, alice, p -> p.send_failWithCustomError(BigInteger.valueOf(42), "no way"));
        assertEquals("ProbeFailed", e.revert().name());
        assertEquals(List.of(BigInteger.valueOf(42), alice.getAddress(), "no way"), e.revert().arguments());
        assertTrue(e.getMessage().contains("would revert: ProbeFailed(code=42, caller=" + alice.getAddress()
                + ", reason=\"no way\"); nothing was sent"), e.getMessage());
    }

    @Test
    void errorString(Devnet devnet, @Account(0) Credentials alice) {
        SimulationRevertedException e = fails(devnet, alice, p -> p.send_failWithReason("vault is paused"));
        assertEquals(DecodedRevert.Kind.ERROR_STRING, e.revert().kind());
        assertTrue(e.getMessage().contains("would revert: Error(\"vault is paused\")"), e.getMessage());
    }

    @Test
    void panicDivisionByZero(Devnet devnet, @Account(0) Credentials alice) {
        SimulationRevertedException e = fails(devnet, alice, p -> p.call_divide(BigInteger.TEN, BigInteger.ZERO));
        assertEquals(DecodedRevert.Kind.PANIC, e.revert().kind());
        assertTrue(e.getMessage().contains("Panic(0x12: division or modulo by zero)"), e.getMessage());
        SimulationRevertedException a = fails(devnet, alice, ErrorProbe::send_failAssert);
        assertTrue(a.getMessage().contains("Panic(0x1: assertion failed)"), a.getMessage());
    }

    @Test
    void revertWithoutData(Devnet devnet, @Account(0) Credentials alice) {
        SimulationRevertedException e = fails(devnet, alice, ErrorProbe::send_failWithoutData);
        assertEquals(DecodedRevert.Kind.EMPTY, e.revert().kind());
        assertTrue(e.getMessage().contains("revert without data"), e.getMessage());
    }

    @Test
    void unknownErrorKeepsItsRawData(Devnet devnet, @Account(0) Credentials alice) {
        // runtime code: mstore(0, 0xdeadbeef << 224); revert(0, 4)
        String unknown = "0x00000000000000000000000000000000000bad01";
        devnet.setCode(unknown, "0x63deadbeef60e01b60005260046000fd");
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Operation<Execution> op = client.operation(Plan.<Execution>builder("poke an unknown contract")
                    .step(Step.raw("poke", unknown, "0x12345678", BigInteger.ZERO)).result(x -> x).build());
            SimulationRevertedException e = assertThrows(SimulationRevertedException.class, op::send);
            assertEquals(DecodedRevert.Kind.UNKNOWN, e.revert().kind());
            assertTrue(e.getMessage().contains("unknown error 0xdeadbeef (data 0xdeadbeef)"), e.getMessage());
        }
    }

    @Test
    void readsDecodeTheirRevertsToo(Devnet devnet, @Account(0) Credentials alice) {
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            ReadBatch batch = client.reads().newBatch();
            Read<?> read = batch.add(ErrorProbe::load, probe, p -> p.send_failWithCustomError(BigInteger.ONE, "read"));
            batch.execute();
            CallRevertedException e = assertThrows(CallRevertedException.class, read::get);
            assertEquals("ProbeFailed", e.revert().name());
            assertTrue(e.getMessage().startsWith("call to " + probe + " reverted: ProbeFailed(code=1, caller="), e.getMessage());
        }
    }

    @Test
    void aSucceedingStepReturnsItsDecodedValue(Devnet devnet, @Account(0) Credentials alice) {
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Operation<BigInteger> op = client.operation(Plan.<BigInteger>builder("succeed")
                    .step(Step.of("succeed(21)", ErrorProbe::load, probe, p -> p.call_succeed(BigInteger.valueOf(21))))
                    .result(x -> x.events(ErrorProbe::getEchoedEvents).get(0).value)
                    .build());
            assertEquals(BigInteger.valueOf(42), op.preview().steps().get(0).result());
            assertEquals(BigInteger.valueOf(42), op.send());
        }
    }

    private static <T> SimulationRevertedException fails(Devnet devnet, Credentials who,
            Function<ErrorProbe, RemoteFunctionCall<T>> call) {
        BigInteger block = devnet.blockNumber();
        try (Restaking client = DevnetClients.client(devnet, who)) {
            Operation<Execution> op = client.operation(Plan.<Execution>builder("probe")
                    .step(Step.of("probe call", ErrorProbe::load, probe, call)).result(x -> x).build());
            assertTrue(!op.preview().wouldSucceed());
            SimulationRevertedException e = assertThrows(SimulationRevertedException.class, op::send);
            assertEquals(0, e.stepIndex());
            assertEquals(block, devnet.blockNumber(), "nothing was sent");
            return e;
        }
    }
}
