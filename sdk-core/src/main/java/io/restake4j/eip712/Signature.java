package io.restake4j.eip712;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Objects;

import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

/**
 * A 65-byte ECDSA signature {@code r ‖ s ‖ v}, as wallets return it from {@code eth_signTypedData_v4}
 * and as contracts take it ({@code bytes signature}) or split ({@code v, r, s}). {@code v} is 27 or 28
 * (a {@code v} of 0 or 1 is read as 27 or 28). {@code s} must be in the lower half of the curve order
 * (EIP-2): the chain's checkers (OpenZeppelin's ECDSA, EigenLayer's) refuse the other half, so such a
 * signature is refused here, before anything is sent; {@link #normalized} turns one into its low-s twin.
 *
 * <pre>{@code
 * Signature sig = Signature.fromHex("0x...130 hex digits...");   // the wallet's answer
 * String signer = sig.recover(typedData.digest());                // who signed
 * byte[] bytes = sig.toBytes();                                   // 65 bytes for a `bytes signature` argument
 * }</pre>
 */
public final class Signature {

    /** The secp256k1 curve order. */
    private static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    private static final BigInteger HALF_N = N.shiftRight(1);

    private final byte[] r;
    private final byte[] s;
    private final int v;

    private Signature(byte[] r, byte[] s, int v) {
        this.r = r;
        this.s = s;
        this.v = v;
    }

    /**
     * A signature from its parts.
     *
     * @throws InvalidInputException when {@code r} or {@code s} is not 32 bytes or out of range, {@code s} is
     *     high, or {@code v} is not 0, 1, 27 or 28
     */
    public static Signature of(byte[] r, byte[] s, int v) {
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(s, "s");
        if (r.length != 32 || s.length != 32) {
            throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, "a signature's r and s are 32 bytes each, were " + r.length + " and " + s.length);
        }
        BigInteger rv = new BigInteger(1, r);
        BigInteger sv = new BigInteger(1, s);
        if (rv.signum() == 0 || rv.compareTo(N) >= 0 || sv.signum() == 0 || sv.compareTo(N) >= 0) {
            throw new InvalidInputException(ErrorCode.BAD_SIGNATURE, "a signature's r and s must be in 1..n-1");
        }
        if (sv.compareTo(HALF_N) > 0) {
            throw new InvalidInputException(ErrorCode.BAD_SIGNATURE, "the signature's s is in the upper half of the curve order (EIP-2): contracts"
                    + " refuse it; use Signature.normalized(r, s, v) for its low-s equivalent");
        }
        return new Signature(r.clone(), s.clone(), normalizeV(v));
    }

    /** The low-s equivalent of a signature whose {@code s} may be high ({@code n - s}, {@code v} flipped). */
    public static Signature normalized(byte[] r, byte[] s, int v) {
        BigInteger sv = new BigInteger(1, Objects.requireNonNull(s, "s"));
        if (sv.compareTo(HALF_N) > 0 && sv.compareTo(N) < 0) {
            int flipped = normalizeV(v) == 27 ? 28 : 27;
            return of(r, Numeric.toBytesPadded(N.subtract(sv), 32), flipped);
        }
        return of(r, s, v);
    }

    /** web3j's signature ({@code v} as one byte: 0, 1, 27 or 28). */
    public static Signature of(Sign.SignatureData data) {
        Objects.requireNonNull(data, "data");
        if (data.getV() == null || data.getV().length != 1) {
            throw new InvalidInputException(ErrorCode.BAD_SIGNATURE, "expected a one-byte v, e.g. from Sign.signMessage");
        }
        return of(data.getR(), data.getS(), data.getV()[0] & 0xff);
    }

    /** 65 bytes {@code r ‖ s ‖ v}. */
    public static Signature fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != 65) {
            throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, "a signature is 65 bytes r || s || v, got "
                    + (bytes == null ? "none" : bytes.length + " bytes"));
        }
        return of(Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64), bytes[64] & 0xff);
    }

    /** 65 bytes {@code r ‖ s ‖ v} as hex (130 digits, with or without 0x), as a wallet returns it. */
    public static Signature fromHex(String hex) {
        if (hex == null || !Numeric.cleanHexPrefix(hex).matches("[0-9a-fA-F]{130}")) {
            throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, "a signature is 65 bytes (130 hex digits) r || s || v, got " + hex);
        }
        return fromBytes(Numeric.hexStringToByteArray(hex));
    }

    public byte[] r() {
        return r.clone();
    }

    public byte[] s() {
        return s.clone();
    }

    /** 27 or 28. */
    public int v() {
        return v;
    }

    /** 65 bytes {@code r ‖ s ‖ v}. */
    public byte[] toBytes() {
        byte[] out = new byte[65];
        System.arraycopy(r, 0, out, 0, 32);
        System.arraycopy(s, 0, out, 32, 32);
        out[64] = (byte) v;
        return out;
    }

    /** {@link #toBytes()} as 0x-hex. */
    public String toHex() {
        return Numeric.toHexString(toBytes());
    }

    /** web3j's form ({@code v} 27 or 28). */
    public Sign.SignatureData toSignatureData() {
        return new Sign.SignatureData((byte) v, r.clone(), s.clone());
    }

    /**
     * The address that signed {@code digest} (checksummed).
     *
     * @throws InvalidInputException when no key recovers from this signature over that digest
     */
    public String recover(byte[] digest) {
        if (digest == null || digest.length != 32) {
            throw new IllegalArgumentException("a digest is 32 bytes");
        }
        try {
            BigInteger key = Sign.signedMessageHashToKey(digest, toSignatureData());
            return Keys.toChecksumAddress(Keys.getAddress(key));
        } catch (SignatureException | RuntimeException e) {
            throw new InvalidInputException(ErrorCode.BAD_SIGNATURE, "no key recovers from this signature over " + Numeric.toHexString(digest));
        }
    }

    /** Whether {@code address} signed {@code digest}. */
    public boolean isBy(String address, byte[] digest) {
        try {
            return recover(digest).equalsIgnoreCase(address);
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private static int normalizeV(int v) {
        return switch (v) {
            case 0, 27 -> 27;
            case 1, 28 -> 28;
            default -> throw new InvalidInputException(ErrorCode.BAD_SIGNATURE, "a signature's v must be 27 or 28 (or 0 or 1), was " + v);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature x && v == x.v && Arrays.equals(r, x.r) && Arrays.equals(s, x.s);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(r) + Arrays.hashCode(s)) + v;
    }

    @Override
    public String toString() {
        return "Signature[" + toHex() + "]";
    }
}
