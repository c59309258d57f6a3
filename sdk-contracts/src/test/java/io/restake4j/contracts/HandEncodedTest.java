package io.restake4j.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

import io.restake4j.contracts.common.ERC20;

class HandEncodedTest {

    @Test
    void matchesTheGeneratedEncodingForAnOrdinaryFunction() {
        String to = "0x000000000000000000000000000000000000dEaD";
        String byHand = FunctionEncoder.encode(HandEncoded.function("transfer(address,uint256)",
                List.<Type>of(new Address(to), new Uint256(BigInteger.TEN))));
        assertEquals(ERC20.getABI_send_transfer(to, BigInteger.TEN), byHand);
        assertEquals("0xa9059cbb", HandEncoded.selector("transfer(address,uint256)"));
    }

    @Test
    void refusesMalformedSignaturesAndMismatchedInputs() {
        assertThrows(IllegalArgumentException.class, () -> HandEncoded.function("transfer", List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HandEncoded.function("transfer(address,uint256)", List.<Type>of(new Uint256(1), new Uint256(2))));
        assertEquals("hand-encoded inputs spell transfer(uint256,uint256) but the function is transfer(address,uint256)",
                e.getMessage());
    }

    @Test
    void emptyNestedArraysKeepTheirAbiType() {
        String encoded = FunctionEncoder.encode(HandEncoded.function("f(address[][],bool[])",
                List.<Type>of(HandEncoded.addressArrays(List.of()), HandEncoded.bools(List.of()))));
        // selector, two head offsets (0x40, 0x60), two zero lengths
        assertEquals(HandEncoded.selector("f(address[][],bool[])")
                + "0000000000000000000000000000000000000000000000000000000000000040"
                + "0000000000000000000000000000000000000000000000000000000000000060"
                + "0".repeat(64) + "0".repeat(64), encoded);
        assertEquals("address[][]", HandEncoded.addressArrays(List.of(List.of(), List.of())).getTypeAsString());
    }

    @Test
    void theContractsManifestIsReadable() {
        List<HandEncoded.ExcludedFunction> excluded = HandEncoded.excludedFunctions(HandEncodedTest.class.getClassLoader())
                .stream().filter(f -> f.contract().startsWith("io.restake4j.contracts.")).toList();
        assertEquals(1, HandEncodedTest.class.getClassLoader().resources(HandEncoded.MANIFEST).count());
        assertEquals(List.of(), excluded.stream().filter(f -> f.contract().contains(".common.")).toList(),
                "abi/common has no excluded function");
        for (HandEncoded.ExcludedFunction f : excluded) {
            assertEquals(HandEncoded.selector(f.signature()), f.selector(), f.toString());
        }
        // the known web3j#1925 case: EigenLayer's batch completion of withdrawals
        assertEquals(List.of("0x9435bb43"), excluded.stream()
                .filter(f -> f.contract().equals("io.restake4j.contracts.eigenlayer.DelegationManager")
                        && f.signature().startsWith("completeQueuedWithdrawals("))
                .map(HandEncoded.ExcludedFunction::selector).toList());
    }
}
