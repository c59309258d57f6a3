package io.restake4j.eigenlayer.rewards;

import java.math.BigInteger;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

/** Hex and fixed-width byte helpers for the rewards package; every failure names what was parsed. */
final class Bytes {

    static final int ADDRESS = 20;
    static final int WORD = 32;
    static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);
    static final long UINT32_MAX = 0xFFFF_FFFFL;

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Bytes() {
    }

    /** Parses a {@code 0x}-prefixed 40-digit hex address (any letter case) into {@code dst[off..off+20)}. */
    static void addressInto(String text, byte[] dst, int off, String what) {
        if (text == null || text.length() != 42 || text.charAt(0) != '0' || (text.charAt(1) != 'x' && text.charAt(1) != 'X')) {
            throw new InvalidInputException(ErrorCode.MALFORMED_ADDRESS, what + " is not a 20-byte hex address: " + text);
        }
        for (int i = 0; i < ADDRESS; i++) {
            int hi = digit(text.charAt(2 + 2 * i));
            int lo = digit(text.charAt(3 + 2 * i));
            if (hi < 0 || lo < 0) {
                throw new InvalidInputException(ErrorCode.MALFORMED_ADDRESS, what + " is not a 20-byte hex address: " + text);
            }
            dst[off + i] = (byte) (hi << 4 | lo);
        }
    }

    static byte[] address(String text, String what) {
        byte[] out = new byte[ADDRESS];
        addressInto(text, out, 0, what);
        return out;
    }

    /** The canonical form used throughout the package: {@code 0x} and 40 lower-case hex digits. */
    static String normaliseAddress(String text, String what) {
        return hex(address(text, what));
    }

    /** Any even-length {@code 0x}-hex string ({@code "0x"} is the empty array). */
    static byte[] hex(String text, String what) {
        if (text == null || !(text.startsWith("0x") || text.startsWith("0X"))) {
            throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, what + " is not 0x-prefixed hex: " + text);
        }
        int digits = text.length() - 2;
        if (digits % 2 != 0) {
            throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, what + " has an odd number of hex digits: " + text);
        }
        byte[] out = new byte[digits / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(text.charAt(2 + 2 * i));
            int lo = digit(text.charAt(3 + 2 * i));
            if (hi < 0 || lo < 0) {
                throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, what + " is not valid hex: " + text);
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    static byte[] bytes32(String text, String what) {
        byte[] out = hex(text, what);
        if (out.length != WORD) {
            throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, what + " must be 32 bytes, was " + out.length + ": " + text);
        }
        return out;
    }

    static byte[] requireWord(byte[] value, String what) {
        if (value == null) {
            throw new InvalidInputException(ErrorCode.MISSING, what + " is missing");
        }
        if (value.length != WORD) {
            throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, what + " must be 32 bytes, was " + value.length);
        }
        return value;
    }

    static String hex(byte[] bytes) {
        return hex(bytes, 0, bytes.length);
    }

    static String hex(byte[] bytes, int off, int len) {
        char[] out = new char[2 + 2 * len];
        out[0] = '0';
        out[1] = 'x';
        for (int i = 0; i < len; i++) {
            int b = bytes[off + i] & 0xFF;
            out[2 + 2 * i] = DIGITS[b >>> 4];
            out[3 + 2 * i] = DIGITS[b & 0xF];
        }
        return new String(out);
    }

    /** Checks {@code 0 <= value < 2^256}. */
    static BigInteger requireUint256(BigInteger value, String what) {
        if (value == null) {
            throw new InvalidInputException(ErrorCode.MISSING, what + " is missing");
        }
        if (value.signum() < 0) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, what + " cannot be negative: " + value);
        }
        if (value.compareTo(UINT256_LIMIT) >= 0) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, what + " exceeds uint256: " + value);
        }
        return value;
    }

    /** Writes a uint256 big-endian into {@code dst[off..off+32)}, as {@code abi.encodePacked} does. */
    static void uint256Into(BigInteger value, byte[] dst, int off, String what) {
        requireUint256(value, what);
        byte[] raw = value.toByteArray(); // minimal two's complement: may carry one leading zero byte
        int start = raw.length > WORD ? raw.length - WORD : 0;
        int len = raw.length - start;
        java.util.Arrays.fill(dst, off, off + WORD - len, (byte) 0);
        System.arraycopy(raw, start, dst, off + WORD - len, len);
    }

    static BigInteger uint256(byte[] src, int off) {
        return new BigInteger(1, java.util.Arrays.copyOfRange(src, off, off + WORD));
    }

    static long requireUint32(long value, String what) {
        if (value < 0 || value > UINT32_MAX) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, what + " must fit a uint32 (0.." + UINT32_MAX + "), was " + value);
        }
        return value;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
