package io.restake4j.signer;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Objects;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.errors.RestakeException;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.transaction.type.ITransaction;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.crypto.transaction.type.Transaction2930;

/**
 * Transaction and typed-data signing built on {@link Signer#signHash(byte[])} alone, so that any
 * signer (KMS, remote, hardware) produces exactly the bytes web3j's {@code TransactionEncoder} produces
 * for a local key.
 *
 * <p>Every signature a signer returns is checked before use: r and s of 32 bytes, v of 27 or 28, s in
 * the lower half of the curve order (EIP-2, which nodes enforce), and the signature must recover to
 * {@link Signer#address()}. A transaction is never built from a signature that does not pass.
 */
final class SignerSupport {

    private static final BigInteger HALF_CURVE_ORDER = Sign.CURVE_PARAMS.getN().shiftRight(1);

    private SignerSupport() {}

    /**
     * The raw signed transaction. Legacy: EIP-155, the hash covers {@code chainId} and
     * {@code v = recId + 35 + 2 * chainId}. Typed (EIP-2930, 1559, 4844, 7702): the hash covers the
     * transaction (which carries its own chain id) and web3j encodes {@code v} as the y-parity, 0 or 1.
     */
    static byte[] signTransaction(Signer signer, RawTransaction transaction, long chainId) {
        checkSignable(transaction, chainId);
        if (transaction.getType().isLegacy()) {
            byte[] hash = Hash.sha3(TransactionEncoder.encode(transaction, chainId));
            Sign.SignatureData signature = signHashChecked(signer, hash);
            return TransactionEncoder.encode(
                    transaction, TransactionEncoder.createEip155SignatureData(signature, chainId));
        }
        // Typed: web3j's encode(tx) is also what it signs (encode4844 produces the same bytes for a
        // type-3 transaction), and its encode(tx, signature) turns v = 27/28 into the y-parity itself.
        byte[] hash = Hash.sha3(TransactionEncoder.encode(transaction));
        return TransactionEncoder.encode(transaction, signHashChecked(signer, hash));
    }

    /** Signs the EIP-712 hash of {@code typedDataJson} ({@code eth_signTypedData_v4}); v is 27 or 28. */
    static Sign.SignatureData signTypedData(Signer signer, String typedDataJson) {
        Objects.requireNonNull(typedDataJson, "typedDataJson");
        byte[] hash;
        try {
            hash = new StructuredDataEncoder(typedDataJson).hashStructuredData();
        } catch (IOException | RuntimeException e) {
            String why = e instanceof NullPointerException ? "a required field is missing" : e.getMessage();
            throw invalid(ErrorCode.INVALID_ARGUMENT, "malformed EIP-712 typed data: " + why, e);
        }
        return signHashChecked(signer, hash);
    }

    /**
     * Refuses what cannot be signed safely: a chain id below 1, a typed transaction whose own chain id
     * differs from {@code chainId} (web3j would silently sign for the transaction's chain), a transaction
     * type this SDK does not know.
     */
    static void checkSignable(RawTransaction transaction, long chainId) {
        Objects.requireNonNull(transaction, "transaction");
        if (chainId < 1) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, "chain id must be positive, got " + chainId + "; refusing to sign");
        }
        ITransaction tx = transaction.getTransaction();
        long embedded = switch (transaction.getType()) {
            case LEGACY -> chainId;
            case EIP2930 -> tx instanceof Transaction2930 t ? t.getChainId() : unsupported(transaction);
            case EIP1559, EIP4844, EIP7702 ->
                    tx instanceof Transaction1559 t ? t.getChainId() : unsupported(transaction);
        };
        if (embedded != chainId) {
            throw new InvalidInputException(ErrorCode.CHAIN_MISMATCH, "the transaction is for chain " + embedded
                    + " but signing was asked for chain " + chainId + "; refusing to sign");
        }
    }

    /** {@code signer.signHash(hash)}, accepted only if well formed, low-s and from the signer's address. */
    static Sign.SignatureData signHashChecked(Signer signer, byte[] hash) {
        Sign.SignatureData signature = signer.signHash(hash);
        String who = "signer " + signer.address();
        if (signature == null || signature.getR() == null || signature.getS() == null || signature.getV() == null
                || signature.getR().length != 32 || signature.getS().length != 32 || signature.getV().length != 1
                || (signature.getV()[0] != 27 && signature.getV()[0] != 28)) {
            throw new RestakeException(who + " returned a malformed signature: expected 32-byte r and s and a "
                    + "one-byte v of 27 or 28; refusing to use it");
        }
        BigInteger s = new BigInteger(1, signature.getS());
        if (s.compareTo(HALF_CURVE_ORDER) > 0) {
            throw new RestakeException(who + " returned a high-s signature, which nodes reject (EIP-2): "
                    + "use s' = n - s and flip v; refusing to use it");
        }
        String recovered;
        try {
            recovered = "0x" + Keys.getAddress(Sign.signedMessageHashToKey(hash, signature));
        } catch (SignatureException | RuntimeException e) {
            throw new RestakeException(who + " returned a signature from which no key can be recovered; "
                    + "refusing to use it", e);
        }
        if (!recovered.equalsIgnoreCase(signer.address())) {
            throw new RestakeException(who + " returned a signature by " + recovered
                    + ", not by its own address; refusing to use it");
        }
        return signature;
    }

    /** An {@link InvalidInputException} carrying {@code cause} (the class has no such constructor). */
    static InvalidInputException invalid(ErrorCode code, String message, Throwable cause) {
        InvalidInputException e = new InvalidInputException(code, message);
        e.initCause(cause);
        return e;
    }

    private static long unsupported(RawTransaction transaction) {
        throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "unsupported " + transaction.getType() + " transaction class "
                + transaction.getTransaction().getClass().getName() + "; refusing to sign");
    }
}
