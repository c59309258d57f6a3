package io.restake4j.signer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.exception.CipherException;
import org.web3j.protocol.ObjectMapperFactory;

/**
 * A {@link Signer} for an Ethereum V3 keystore file (geth, Foundry's {@code cast wallet}, web3j's
 * {@code WalletUtils}), decrypted once when opened. Neither {@link #toString()} nor any exception message
 * contains the key or the password.
 *
 * <pre>{@code
 * char[] password = System.console().readPassword("keystore password: ");
 * Signer signer = KeystoreSigner.open(Path.of("wallet.json"), password);
 * Arrays.fill(password, '\0');   // the caller's array stays the caller's to wipe
 * }</pre>
 */
public final class KeystoreSigner implements Signer {

    private static final String WRONG_PASSWORD = "Invalid password provided"; // web3j's CipherException message

    private final PrivateKeySigner delegate;
    private final String fileName;

    private KeystoreSigner(PrivateKeySigner delegate, String fileName) {
        this.delegate = delegate;
        this.fileName = fileName;
    }

    /**
     * Reads and decrypts {@code file} with {@code password}. Decryption runs the file's key derivation
     * (scrypt or PBKDF2), which is slow by design: about a second for a standard scrypt keystore.
     *
     * <p>The password array is neither kept nor modified. web3j's decryption takes the password as a
     * {@code String}, so one immutable copy exists until it is garbage collected; no other copy is made.
     *
     * @throws InvalidInputException when the file is missing, unreadable, not a V3 keystore, or the
     *     password is wrong (messages name the file, never the password or the key)
     */
    public static KeystoreSigner open(Path file, char[] password) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(password, "password");
        String name = String.valueOf(file.getFileName());
        WalletFile wallet = read(file);
        ECKeyPair keyPair;
        try {
            keyPair = Wallet.decrypt(new String(password), wallet);
        } catch (CipherException e) {
            if (WRONG_PASSWORD.equals(e.getMessage())) {
                throw new InvalidInputException(ErrorCode.INVALID_KEY, "wrong password for keystore " + name);
            }
            throw SignerSupport.invalid(ErrorCode.INVALID_KEY, "keystore " + file + " is not supported: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw SignerSupport.invalid(ErrorCode.INVALID_KEY, "keystore " + file + " is malformed (missing or invalid fields)", e);
        }
        PrivateKeySigner signer = PrivateKeySigner.of(Credentials.create(keyPair));
        String recorded = wallet.getAddress();
        if (recorded != null && !recorded.isEmpty() && !signer.address().equalsIgnoreCase(withPrefix(recorded))) {
            throw new InvalidInputException(ErrorCode.INVALID_KEY, "keystore " + file + " records address " + withPrefix(recorded)
                    + " but its key is for " + signer.address() + "; the file is corrupt or tampered with");
        }
        return new KeystoreSigner(signer, name);
    }

    @Override
    public String address() {
        return delegate.address();
    }

    @Override
    public Sign.SignatureData signHash(byte[] hash) {
        return delegate.signHash(hash);
    }

    @Override
    public byte[] signTransaction(RawTransaction transaction, long chainId) {
        return delegate.signTransaction(transaction, chainId);
    }

    @Override
    public String toString() {
        return "KeystoreSigner[" + delegate.address() + ", " + fileName + "]";
    }

    private static WalletFile read(Path file) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw SignerSupport.invalid(ErrorCode.INVALID_KEY, "keystore file " + file + " does not exist", e);
        } catch (IOException | SecurityException e) {
            throw SignerSupport.invalid(ErrorCode.INVALID_KEY, "cannot read keystore file " + file + ": " + e, e);
        }
        try {
            WalletFile wallet = ObjectMapperFactory.getObjectMapper().readValue(json, WalletFile.class);
            if (wallet == null || wallet.getCrypto() == null) {
                throw new InvalidInputException(ErrorCode.INVALID_KEY, "keystore file " + file + " is not an Ethereum V3 keystore");
            }
            return wallet;
        } catch (JsonProcessingException e) {
            throw SignerSupport.invalid(ErrorCode.INVALID_KEY, "keystore file " + file + " is not an Ethereum V3 keystore (invalid JSON "
                    + "or fields)", e);
        } catch (IOException e) {
            throw SignerSupport.invalid(ErrorCode.INVALID_KEY, "cannot read keystore file " + file + ": " + e, e);
        }
    }

    private static String withPrefix(String address) {
        return address.startsWith("0x") || address.startsWith("0X") ? address : "0x" + address;
    }
}
