package io.restake4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

/** EIP-55 as every address entering the API is checked: the checksum of mixed case, and the opt-in strict mode. */
class InputsTest {

    /** A checksummed address (Lido's stETH on mainnet) with letters in both cases. */
    private static final String CHECKSUMMED = "0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84";

    @Test
    void aValidChecksumAndUniformCaseAreAccepted() {
        assertEquals(CHECKSUMMED, Keys.toChecksumAddress(CHECKSUMMED.toLowerCase(Locale.ROOT)), "the fixture is checksummed");
        assertEquals(CHECKSUMMED, Inputs.address(CHECKSUMMED, "token"));
        String lower = CHECKSUMMED.toLowerCase(Locale.ROOT);
        assertEquals(lower, Inputs.address(lower, "token"));
        String upper = "0x" + CHECKSUMMED.substring(2).toUpperCase(Locale.ROOT);
        assertEquals(upper, Inputs.address(upper, "token"));
    }

    @Test
    void oneLetterInTheWrongCaseIsRefusedNamingTheExpectedForm() {
        int at = CHECKSUMMED.indexOf('D'); // flip one letter's case
        String typo = CHECKSUMMED.substring(0, at) + 'd' + CHECKSUMMED.substring(at + 1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inputs.address(typo, "recipient"));
        assertEquals(ErrorCode.BAD_CHECKSUM, e.code());
        assertEquals("recipient", e.parameter().orElseThrow());
        assertTrue(e.getMessage().contains(CHECKSUMMED), e.getMessage());
    }

    @Test
    void aMistypedDigitInAChecksummedAddressIsRefused() {
        // 0x...E84 -> 0x...E85: the digits changed, so the case pattern no longer matches their checksum
        String typo = CHECKSUMMED.substring(0, CHECKSUMMED.length() - 1) + "5";
        String expected = Keys.toChecksumAddress(typo.toLowerCase(Locale.ROOT));
        if (expected.equals(typo)) {
            throw new AssertionError("this typo happens to carry a valid checksum; pick another");
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inputs.address(typo, "recipient"));
        assertEquals(ErrorCode.BAD_CHECKSUM, e.code());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void malformedAndZeroAddressesHaveTheirOwnCodes() {
        assertEquals(ErrorCode.MALFORMED_ADDRESS, assertThrows(InvalidInputException.class,
                () -> Inputs.address("0x1234", "to")).code());
        assertEquals(ErrorCode.MALFORMED_ADDRESS, assertThrows(InvalidInputException.class,
                () -> Inputs.address(" " + CHECKSUMMED, "to")).code());
        assertEquals(ErrorCode.MALFORMED_ADDRESS, assertThrows(InvalidInputException.class,
                () -> Inputs.address(CHECKSUMMED.substring(2), "to")).code());
        assertEquals(ErrorCode.MISSING, assertThrows(InvalidInputException.class, () -> Inputs.address(null, "to")).code());
        assertEquals(ErrorCode.ZERO_ADDRESS, assertThrows(InvalidInputException.class,
                () -> Inputs.address("0x0000000000000000000000000000000000000000", "to")).code());
    }

    @Test
    void strictModeRefusesAddressesWithoutAChecksum() {
        String lower = CHECKSUMMED.toLowerCase(Locale.ROOT);
        String before = System.getProperty(Inputs.STRICT_CHECKSUMS_PROPERTY);
        System.setProperty(Inputs.STRICT_CHECKSUMS_PROPERTY, "true");
        try {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inputs.address(lower, "spender"));
            assertEquals(ErrorCode.BAD_CHECKSUM, e.code());
            assertTrue(e.getMessage().contains(CHECKSUMMED), e.getMessage());
            assertEquals(CHECKSUMMED, Inputs.address(CHECKSUMMED, "spender"));
            String digitsOnly = "0x1111111111111111111111111111111111111111";
            assertEquals(digitsOnly, Inputs.address(digitsOnly, "spender"), "no letters: nothing to checksum");
        } finally {
            if (before == null) {
                System.clearProperty(Inputs.STRICT_CHECKSUMS_PROPERTY);
            } else {
                System.setProperty(Inputs.STRICT_CHECKSUMS_PROPERTY, before);
            }
        }
        assertEquals(lower, Inputs.address(lower, "spender"), "off again");
    }
}
