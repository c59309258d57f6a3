package io.restake4j.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;

import io.restake4j.contracts.etherfi.LiquidityPool;
import io.restake4j.contracts.lido.WithdrawalQueueERC721;
import io.restake4j.eip712.Signature;

/** One permit, handed to two protocols' generated permit structs, encodes the same five words. */
class PermitAdapterTest {

    @Test
    void aPermitBecomesAnyWrappersPermitStruct() {
        byte[] r = new byte[32];
        Arrays.fill(r, (byte) 0x11);
        byte[] s = new byte[32];
        s[31] = 0x22; // a low s
        PermitSignature p = new PermitSignature("0x1000000000000000000000000000000000000001",
                "0x2000000000000000000000000000000000000002", "0x3000000000000000000000000000000000000003",
                BigInteger.valueOf(1234), BigInteger.ZERO, BigInteger.valueOf(1_900_000_000L), Signature.of(r, s, 28));

        WithdrawalQueueERC721.PermitInput lido = p.as(WithdrawalQueueERC721.PermitInput::new);
        LiquidityPool.PermitInput etherFi = p.as(LiquidityPool.PermitInput::new);

        assertEquals(BigInteger.valueOf(1234), lido.value);
        assertEquals(BigInteger.valueOf(1_900_000_000L), lido.deadline);
        assertEquals(BigInteger.valueOf(28), lido.v);
        assertArrayEquals(r, lido.r);
        assertArrayEquals(s, lido.s);
        String words = "00000000000000000000000000000000000000000000000000000000000004d2"
                + "00000000000000000000000000000000000000000000000000000000713fb300"
                + "000000000000000000000000000000000000000000000000000000000000001c"
                + "1111111111111111111111111111111111111111111111111111111111111111"
                + "0000000000000000000000000000000000000000000000000000000000000022";
        assertEquals(words, FunctionEncoder.encodeConstructor(java.util.List.of(lido)));
        assertEquals(words, FunctionEncoder.encodeConstructor(java.util.List.of(etherFi)), "the same bytes for ether.fi");
    }
}
