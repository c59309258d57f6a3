package io.restake4j.signer;

import java.math.BigInteger;
import java.util.Objects;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;

/**
 * A {@link Signer} holding a secp256k1 private key in memory. No method returns the key, and neither
 * {@link #toString()} nor any exception message contains it.
 *
 * <pre>{@code
 * Signer signer = PrivateKeySigner.of(System.getenv("PRIVATE_KEY"));   // 64 hex digits, 0x optional
 * byte[] raw = signer.signTransaction(tx, 1L);                          // ready for eth_sendRawTransaction
 * }</pre>
 */
public final class PrivateKeySigner implements Signer {

    private static final BigInteger CURVE_ORDER = Sign.CURVE_PARAMS.getN();

    private final ECKeyPair keyPair;
    private final Credentials credentials;
    private final String address;

    private PrivateKeySigner(BigInteger privateKey) {
        this.keyPair = ECKeyPair.create(privateKey);
        this.credentials = Credentials.create(keyPair);
        this.address = "0x" + Keys.getAddress(keyPair);
    }

    /**
     * A signer for a hex private key: exactly 64 hex digits, with or without {@code 0x}, in the range
     * of secp256k1 keys.
     *
     * @throws InvalidInputException when the key is missing or malformed (the message never repeats it)
     */
    public static PrivateKeySigner of(String hexKey) {
        if (hexKey == null) {
            throw new InvalidInputException(ErrorCode.INVALID_KEY, "no private key given");
        }
        String digits = hexKey.startsWith("0x") || hexKey.startsWith("0X") ? hexKey.substring(2) : hexKey;
        if (digits.length() != 64) {
            throw new InvalidInputException(ErrorCode.INVALID_KEY, "malformed private key: expected 64 hex digits, optionally prefixed "
                    + "with 0x, but got " + digits.length() + " characters");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                throw new InvalidInputException(ErrorCode.INVALID_KEY, "malformed private key: it contains a character that is not a "
                        + "hex digit");
            }
        }
        return new PrivateKeySigner(inRange(new BigInteger(digits, 16)));
    }

    /**
     * A signer for web3j credentials. The key pair is rebuilt from the private key, so a key pair whose
     * public half does not match cannot make this signer claim the wrong address.
     *
     * @throws InvalidInputException when the key is out of range or the credentials' address is not the key's
     */
    public static PrivateKeySigner of(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        ECKeyPair pair = Objects.requireNonNull(credentials.getEcKeyPair(), "credentials without a key pair");
        PrivateKeySigner signer = new PrivateKeySigner(inRange(pair.getPrivateKey()));
        if (!signer.address.equalsIgnoreCase(credentials.getAddress())) {
            throw new InvalidInputException(ErrorCode.INVALID_KEY, "credentials claim address " + credentials.getAddress()
                    + " but their private key is for " + signer.address);
        }
        return signer;
    }

    @Override
    public String address() {
        return address;
    }

    /** Signs a 32-byte digest as is, RFC 6979 deterministic, low s; {@code v} is 27 or 28. */
    @Override
    public Sign.SignatureData signHash(byte[] hash) {
        if (hash == null || hash.length != 32) {
            throw new IllegalArgumentException("a hash to sign must be 32 bytes, got "
                    + (hash == null ? "null" : hash.length + " bytes"));
        }
        return Sign.signMessage(hash, keyPair, false);
    }

    /**
     * Same contract and bytes as {@link Signer#signTransaction}, signed by web3j's
     * {@link TransactionEncoder} directly.
     */
    @Override
    public byte[] signTransaction(RawTransaction transaction, long chainId) {
        SignerSupport.checkSignable(transaction, chainId);
        // web3j's chain-id overload only accepts legacy and EIP-1559 transactions (it throws for the other
        // typed ones); a typed transaction carries its chain id, so the overload without one is the same.
        return transaction.getType().isLegacy()
                ? TransactionEncoder.signMessage(transaction, chainId, credentials)
                : TransactionEncoder.signMessage(transaction, credentials);
    }

    @Override
    public String toString() {
        return "PrivateKeySigner[" + address + "]";
    }

    private static BigInteger inRange(BigInteger key) {
        if (key == null || key.signum() <= 0 || key.compareTo(CURVE_ORDER) >= 0) {
            throw new InvalidInputException(ErrorCode.INVALID_KEY, "malformed private key: not a valid secp256k1 key "
                    + "(it must be between 1 and the curve order minus 1)");
        }
        return key;
    }
}
