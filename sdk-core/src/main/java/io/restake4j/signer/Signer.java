package io.restake4j.signer;

import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;

/**
 * Signs for one account. The transaction pipeline only ever asks a signer for signatures: a private
 * key, an encrypted keystore, a KMS or a remote signer all fit behind this interface, and key
 * material never leaves the implementation (nor appears in its {@code toString()}).
 *
 * <p>A custom signer implements {@link #address()} and {@link #signHash(byte[])}; transaction and
 * typed-data signing are derived from those.
 *
 * <pre>{@code
 * Signer signer = Signer.privateKey(System.getenv("PRIVATE_KEY"));
 * Signer fromFile = Signer.keystore(Path.of("wallet.json"), password);
 * Signer kms = new Signer() {
 *     public String address() { return kmsAddress; }
 *     public Sign.SignatureData signHash(byte[] hash) { return kms.sign(keyId, hash); }
 * };
 * }</pre>
 */
public interface Signer {

    /** The signing account, 0x-prefixed, lower case. */
    String address();

    /**
     * Signs a 32-byte digest as is (no prefix added). {@code r} and {@code s} are 32 bytes each,
     * {@code s} is in the lower half of the curve order (EIP-2; a KMS may return either half: use
     * {@code n - s} and flip {@code v}), and {@code v} is 27 or 28. The default methods verify all of
     * this, and that the signature recovers to {@link #address()}, before using a signature.
     *
     * @throws IllegalArgumentException when {@code hash} is not 32 bytes
     */
    Sign.SignatureData signHash(byte[] hash);

    /**
     * Signs a transaction for {@code chainId} and returns the raw signed bytes to broadcast, the same
     * bytes as web3j's {@code TransactionEncoder.signMessage} for the same key. Legacy transactions are
     * signed with EIP-155 replay protection ({@code v = recId + 35 + 2 * chainId}); typed transactions
     * (EIP-2930, EIP-1559, ...) carry the chain id in the transaction itself and {@code v} is the y-parity.
     *
     * @throws io.restake4j.errors.InvalidInputException when {@code chainId} is not positive, or a typed
     *     transaction's own chain id is not {@code chainId} (nothing is signed)
     * @throws io.restake4j.errors.RestakeException when {@link #signHash} returns a malformed or high-s
     *     signature, or one that does not recover to {@link #address()}
     */
    default byte[] signTransaction(RawTransaction transaction, long chainId) {
        return SignerSupport.signTransaction(this, transaction, chainId);
    }

    /**
     * Signs EIP-712 typed data given as JSON (the {@code eth_signTypedData_v4} format); {@code v} is 27 or 28.
     *
     * @throws io.restake4j.errors.InvalidInputException when the JSON is not valid typed data
     */
    default Sign.SignatureData signTypedData(String typedDataJson) {
        return SignerSupport.signTypedData(this, typedDataJson);
    }

    /**
     * Signs a 32-byte digest (an EIP-712 digest, say) through {@link #signHash} and checks the result
     * like the other default methods: 32-byte {@code r} and {@code s}, low {@code s}, {@code v} 27 or 28,
     * recovering to {@link #address()}.
     *
     * @throws io.restake4j.errors.RestakeException when the signature fails those checks
     */
    default Sign.SignatureData signDigest(byte[] digest) {
        return SignerSupport.signHashChecked(this, digest);
    }

    /** A signer holding a raw private key (hex, with or without 0x). */
    static Signer privateKey(String hexKey) {
        return PrivateKeySigner.of(hexKey);
    }

    /** A signer for web3j {@link org.web3j.crypto.Credentials}. */
    static Signer of(org.web3j.crypto.Credentials credentials) {
        return PrivateKeySigner.of(credentials);
    }

    /** A signer decrypting an Ethereum keystore (V3) file with {@code password}. */
    static Signer keystore(java.nio.file.Path file, char[] password) {
        return KeystoreSigner.open(file, password);
    }
}
