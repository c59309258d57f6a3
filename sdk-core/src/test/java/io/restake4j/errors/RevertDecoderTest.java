package io.restake4j.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

@SuppressWarnings("rawtypes") // web3j's FunctionEncoder takes a raw List<Type>
class RevertDecoderTest {

    private final RevertDecoder decoder = RevertDecoder.standard();

    @Test
    void errorString() {
        String data = "0x08c379a0" + FunctionEncoder.encodeConstructor(List.<Type>of(new Utf8String("not allowed")));
        DecodedRevert r = decoder.decode(data);
        assertEquals(DecodedRevert.Kind.ERROR_STRING, r.kind());
        assertEquals("not allowed", r.arguments().get(0));
        assertEquals("Error(\"not allowed\")", r.toString());
    }

    @Test
    void panicsCarryTheirMeaning() {
        assertEquals("Panic(0x12: division or modulo by zero)", decoder.decode(panic(0x12)).toString());
        assertEquals("Panic(0x11: arithmetic overflow or underflow)", decoder.decode(panic(0x11)).toString());
        assertEquals("Panic(0x1: assertion failed)", decoder.decode(panic(0x01)).toString());
        assertEquals("Panic(0x99: unknown panic code)", decoder.decode(panic(0x99)).toString());
    }

    @Test
    void customErrorsOfTheGeneratedWrappersAreKnownByNameWithTypedArguments() {
        assertTrue(decoder.knownErrors().contains("ERC20InsufficientBalance(address,uint256,uint256)"), decoder.knownErrors().toString());
        String sender = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
        String data = "0xe450d38c" + FunctionEncoder.encodeConstructor(List.<Type>of(new Address(sender),
                new Uint256(5), new Uint256(7)));
        DecodedRevert r = decoder.decode(data);
        assertEquals(DecodedRevert.Kind.CUSTOM, r.kind());
        assertEquals("ERC20InsufficientBalance", r.name());
        assertEquals(List.of("sender", "balance", "needed"), r.argumentNames());
        assertEquals(List.of(sender, BigInteger.valueOf(5), BigInteger.valueOf(7)), r.arguments());
        assertEquals("ERC20InsufficientBalance(sender=" + sender + ", balance=5, needed=7)", r.toString());
    }

    @Test
    void unknownSelectorsKeepTheirRawData() {
        DecodedRevert r = decoder.decode("0xdeadbeef0000000000000000000000000000000000000000000000000000000000000001");
        assertEquals(DecodedRevert.Kind.UNKNOWN, r.kind());
        assertEquals("0xdeadbeef", r.selector());
        assertEquals("unknown error 0xdeadbeef (data 0xdeadbeef0000000000000000000000000000000000000000000000000000000000000001)",
                r.toString());
    }

    @Test
    void emptyQuotedAndMalformedData() {
        assertEquals(DecodedRevert.Kind.EMPTY, decoder.decode("0x").kind());
        assertEquals(DecodedRevert.Kind.EMPTY, decoder.decode(null).kind());
        assertEquals("revert without data", decoder.decode("\"0x\"").toString());
        assertEquals(DecodedRevert.Kind.PANIC, decoder.decode("\"" + panic(0x32) + "\"").kind(), "web3j's quoted form");
        assertEquals(DecodedRevert.Kind.UNKNOWN, decoder.decode("0x08c379a0ff").kind(), "truncated Error(string)");
        assertEquals(DecodedRevert.Kind.UNKNOWN, decoder.decode("0x1234").kind());
    }

    private static String panic(int code) {
        return "0x4e487b71" + FunctionEncoder.encodeConstructor(List.<Type>of(new Uint256(code)));
    }
}
