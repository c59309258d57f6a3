package io.restake4j.devnet.eigenlayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.fixtures.common.TestToken;

/** Helpers shared by the EigenLayer fixture tests: reverts by custom error, EIP-712 digests and signatures. */
final class ElTestSupport {

    static final BigInteger WAD = BigInteger.TEN.pow(18);

    private ElTestSupport() {
    }

    /** The 4-byte selector of a custom error, e.g. {@code ActivelyDelegated()}. */
    static String selector(String errorSignature) {
        return Hash.sha3String(errorSignature).substring(0, 10);
    }

    /** Simulates {@code calldata} from {@code from} at the latest block and asserts it reverts with {@code errorSignature}. */
    static void assertReverts(Devnet devnet, String from, String to, String calldata, String errorSignature)
            throws Exception {
        EthCall call = devnet.web3j().ethCall(Transaction.createEthCallTransaction(from, to, calldata),
                DefaultBlockParameterName.LATEST).send();
        assertTrue(call.isReverted(), "expected a revert with " + errorSignature + ", got " + call.getValue());
        String data = call.getRevertReasonEncodedData() == null ? "" : call.getRevertReasonEncodedData().replace("\"", "");
        assertTrue(data.length() >= 10, "no revert data, expected " + errorSignature + ": " + call.getRevertReason());
        assertEquals(selector(errorSignature), data.substring(0, 10), "revert selector, expected " + errorSignature);
    }

    /** keccak256(abi.encode(values...)). */
    static byte[] keccakEncode(Type<?>... values) {
        return Hash.sha3(Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(List.of(values))));
    }

    /** EigenLayer's EIP-712 domain separator: name "EigenLayer", version "1", this chain, the contract. */
    static byte[] domainSeparator(long chainId, String contract) {
        return keccakEncode(
                new Bytes32(Hash.sha3("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
                        .getBytes())),
                new Bytes32(Hash.sha3("EigenLayer".getBytes())), new Bytes32(Hash.sha3("1".getBytes())),
                new Uint256(chainId), new Address(contract));
    }

    /** keccak256("\x19\x01" ‖ domainSeparator ‖ structHash). */
    static byte[] digest(byte[] domainSeparator, byte[] structHash) {
        byte[] buf = new byte[66];
        buf[0] = 0x19;
        buf[1] = 0x01;
        System.arraycopy(domainSeparator, 0, buf, 2, 32);
        System.arraycopy(structHash, 0, buf, 34, 32);
        return Hash.sha3(buf);
    }

    /** A 65-byte r ‖ s ‖ v signature of {@code digest} (no prefix). */
    static byte[] sign(byte[] digest, Credentials signer) {
        Sign.SignatureData sig = Sign.signMessage(digest, signer.getEcKeyPair(), false);
        byte[] out = new byte[65];
        System.arraycopy(sig.getR(), 0, out, 0, 32);
        System.arraycopy(sig.getS(), 0, out, 32, 32);
        out[64] = sig.getV()[0];
        return out;
    }

    static TestToken tokenAs(Devnet devnet, String token, Credentials who) {
        return TestToken.load(token, devnet.web3j(), devnet.transactionManager(who), devnet.gasProvider());
    }

    static BigInteger latestTimestamp(Devnet devnet) throws Exception {
        return devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp();
    }

    /**
     * Says why a test is skipped on the forked JVM's own stderr, which surefire and failsafe pass to the
     * build log ({@code System.err} goes to a report file).
     */
    static void announce(String message) {
        try {
            java.io.FileOutputStream err = new java.io.FileOutputStream(java.io.FileDescriptor.err);
            err.write((message + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            err.flush(); // not closed: that would close fd 2
        } catch (java.io.IOException e) {
            // the assumption message remains
        }
    }
}
