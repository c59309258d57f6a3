package io.restake4j.signer;

import static io.restake4j.signer.TestKeys.ADDRESS;
import static io.restake4j.signer.TestKeys.CREDENTIALS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.restake4j.errors.InvalidInputException;
import io.restake4j.errors.RestakeException;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.AuthorizationTuple;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.exception.CryptoWeb3jException;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.crypto.transaction.type.TransactionType;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.utils.Numeric;

/** The generic path: a signer offering only {@code signHash} produces web3j's exact bytes. */
class SignerSupportTest {

    private static final String TO = "0x70997970c51812dc3a048c8f0ad0ab39e8b3b3f1";
    private static final String CALLDATA =
            "0xa9059cbb00000000000000000000000070997970c51812dc3a048c8f0ad0ab39e8b3b3f1"
                    + "0000000000000000000000000000000000000000000000000de0b6b3a7640000";
    private static final BigInteger ONE_ETH = BigInteger.TEN.pow(18);
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);

    private final Signer signer = TestKeys.hashOnly(CREDENTIALS.getEcKeyPair());

    static RawTransaction legacy(long nonce, BigInteger value, String data) {
        return RawTransaction.createTransaction(BigInteger.valueOf(nonce), GWEI.multiply(BigInteger.valueOf(30)),
                BigInteger.valueOf(100_000), TO, value, data);
    }

    static RawTransaction eip1559(long chainId, long nonce, BigInteger value, String data) {
        return RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce), BigInteger.valueOf(100_000), TO,
                value, data, GWEI.multiply(BigInteger.TWO), GWEI.multiply(BigInteger.valueOf(40)));
    }

    static Stream<Arguments> web3jCases() {
        List<Arguments> cases = new ArrayList<>();
        for (long chainId : new long[] {1L, 31337L}) {
            cases.add(Arguments.of("legacy transfer", chainId, legacy(0, ONE_ETH, "")));
            cases.add(Arguments.of("legacy call", chainId, legacy(7, BigInteger.ZERO, CALLDATA)));
            cases.add(Arguments.of("legacy call with value", chainId, legacy(8, ONE_ETH, CALLDATA)));
            cases.add(Arguments.of("1559 transfer", chainId, eip1559(chainId, 0, ONE_ETH, "")));
            cases.add(Arguments.of("1559 call", chainId, eip1559(chainId, 7, BigInteger.ZERO, CALLDATA)));
            cases.add(Arguments.of("1559 call with value", chainId, eip1559(chainId, 8, ONE_ETH, CALLDATA)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on chain {1}")
    @MethodSource("web3jCases")
    void genericPathProducesWeb3jsBytes(String name, long chainId, RawTransaction tx) {
        byte[] expected = TransactionEncoder.signMessage(tx, chainId, CREDENTIALS);
        assertArrayEquals(expected, signer.signTransaction(tx, chainId));
        assertArrayEquals(expected, SignerSupport.signTransaction(signer, tx, chainId));
    }

    @ParameterizedTest(name = "{0} on chain {1}")
    @MethodSource("web3jCases")
    void signedTransactionsDecodeToTheSenderAndChain(String name, long chainId, RawTransaction tx) throws Exception {
        RawTransaction decoded = TransactionDecoder.decode(Numeric.toHexString(signer.signTransaction(tx, chainId)));
        SignedRawTransaction signed = assertInstanceOf(SignedRawTransaction.class, decoded);
        assertEquals(ADDRESS, signed.getFrom());
        assertEquals(tx.getType(), signed.getType());
        assertEquals(tx.getNonce(), signed.getNonce());
        assertEquals(tx.getValue(), signed.getValue());
        assertEquals(Numeric.cleanHexPrefix(tx.getData()), Numeric.cleanHexPrefix(signed.getData()));
        if (tx.getType().isLegacy()) {
            assertEquals(chainId, signed.getChainId()); // from v = recId + 35 + 2 * chainId
        } else {
            // For typed transactions web3j's SignedRawTransaction.getChainId() derives a meaningless -17 from
            // v = 0/1; the chain id is the transaction's own field.
            assertEquals(chainId, ((Transaction1559) signed.getTransaction()).getChainId());
        }
    }

    /** Many signatures: both y-parities, both v encodings, r or s with leading zero bytes. */
    @Test
    void matchesWeb3jOverManySignatures() {
        boolean[] parity = new boolean[2];
        int shortRorS = 0;
        for (int nonce = 0; nonce < 300; nonce++) {
            RawTransaction tx = legacy(nonce, BigInteger.valueOf(nonce), "");
            assertArrayEquals(TransactionEncoder.signMessage(tx, 1L, CREDENTIALS), signer.signTransaction(tx, 1L));
            RawTransaction typed = eip1559(1L, nonce, BigInteger.valueOf(nonce), "");
            byte[] raw = signer.signTransaction(typed, 1L);
            assertArrayEquals(TransactionEncoder.signMessage(typed, 1L, CREDENTIALS), raw);
            List<?> fields = typedFields(raw);
            byte[] v = ((RlpString) fields.get(9)).getBytes();
            assertTrue(v.length == 0 || (v.length == 1 && v[0] == 1), "type-2 v is the y-parity 0 or 1");
            parity[v.length] = true;
            if (((RlpString) fields.get(10)).getBytes().length < 32 || ((RlpString) fields.get(11)).getBytes().length < 32) {
                shortRorS++;
            }
        }
        assertTrue(parity[0] && parity[1], "both y-parities were exercised");
        assertTrue(shortRorS > 0, "an r or s with a leading zero byte was exercised");
    }

    @Test
    void typeTwoEncodesVAsTheYParity() {
        RawTransaction tx = eip1559(1L, 0, ONE_ETH, "");
        byte[] raw = signer.signTransaction(tx, 1L);
        assertEquals(0x02, raw[0]);
        byte[] hash = Hash.sha3(TransactionEncoder.encode(tx));
        Sign.SignatureData signature = signer.signHash(hash);
        int yParity = signature.getV()[0] - 27;
        List<?> fields = typedFields(raw);
        assertEquals(12, fields.size());
        assertEquals(BigInteger.valueOf(yParity), Numeric.toBigInt(((RlpString) fields.get(9)).getBytes()));
        assertArrayEquals(signature.getR(), Numeric.toBytesPadded(((RlpString) fields.get(10)).asPositiveBigInteger(), 32));
    }

    @Test
    void legacyEncodesVWithEip155() {
        for (long chainId : new long[] {1L, 50L, 137L, 31337L, 1L << 40}) {
            RawTransaction tx = legacy(3, ONE_ETH, CALLDATA);
            byte[] raw = signer.signTransaction(tx, chainId);
            assertArrayEquals(TransactionEncoder.signMessage(tx, chainId, CREDENTIALS), raw);
            RlpList list = (RlpList) RlpDecoder.decode(raw).getValues().get(0);
            BigInteger v = ((RlpString) list.getValues().get(6)).asPositiveBigInteger();
            BigInteger base = BigInteger.valueOf(chainId).shiftLeft(1).add(BigInteger.valueOf(35));
            assertTrue(v.equals(base) || v.equals(base.add(BigInteger.ONE)), "v = recId + 35 + 2 * chainId");
        }
    }

    @Test
    void contractCreationsMatchWeb3j() {
        RawTransaction create = RawTransaction.createContractTransaction(BigInteger.ONE, GWEI, BigInteger.valueOf(500_000),
                BigInteger.ZERO, "0x6080604052");
        assertArrayEquals(TransactionEncoder.signMessage(create, 31337L, CREDENTIALS), signer.signTransaction(create, 31337L));
        RawTransaction create1559 = RawTransaction.createTransaction(31337L, BigInteger.ONE, BigInteger.valueOf(500_000),
                "", BigInteger.ZERO, "0x6080604052", GWEI, GWEI.multiply(BigInteger.TEN));
        assertArrayEquals(TransactionEncoder.signMessage(create1559, 31337L, CREDENTIALS),
                signer.signTransaction(create1559, 31337L));
    }

    /**
     * web3j's chain-id overload of signMessage throws for typed transactions other than EIP-1559; its
     * overload without a chain id signs them, and the generic path matches that.
     */
    @Test
    void otherTypedTransactionsMatchWeb3jsChainlessOverload() throws Exception {
        List<AccessListObject> accessList = List.of(new AccessListObject(TO,
                List.of("0x0000000000000000000000000000000000000000000000000000000000000003")));
        RawTransaction eip2930 = RawTransaction.createTransaction(31337L, BigInteger.TWO, GWEI, BigInteger.valueOf(90_000),
                TO, ONE_ETH, CALLDATA, accessList);
        RawTransaction eip4844 = RawTransaction.createTransaction(31337L, BigInteger.TWO, GWEI, GWEI.multiply(BigInteger.TEN),
                BigInteger.valueOf(90_000), TO, BigInteger.ZERO, "", GWEI,
                List.of(Bytes.fromHexString("0x01" + "ab".repeat(31))));
        RawTransaction eip7702 = RawTransaction.createTransaction(31337L, BigInteger.TWO, GWEI, GWEI.multiply(BigInteger.TEN),
                BigInteger.valueOf(90_000), TO, BigInteger.ZERO, "", List.of(),
                List.of(new AuthorizationTuple(BigInteger.valueOf(31337), TO, BigInteger.ZERO, BigInteger.ONE,
                        BigInteger.valueOf(12345), BigInteger.valueOf(67890))));
        assertEquals(TransactionType.EIP2930, eip2930.getType());
        assertEquals(TransactionType.EIP4844, eip4844.getType());
        assertEquals(TransactionType.EIP7702, eip7702.getType());
        for (RawTransaction tx : List.of(eip2930, eip4844, eip7702)) {
            assertThrows(CryptoWeb3jException.class, () -> TransactionEncoder.signMessage(tx, 31337L, CREDENTIALS));
            byte[] raw = signer.signTransaction(tx, 31337L);
            assertArrayEquals(TransactionEncoder.signMessage(tx, CREDENTIALS), raw, tx.getType().toString());
            assertEquals(tx.getType().getRlpType(), raw[0]);
            SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(Numeric.toHexString(raw));
            assertEquals(ADDRESS, decoded.getFrom(), tx.getType().toString());
        }
    }

    @Test
    void refusesAChainIdThatIsNotTheTransactions() {
        RawTransaction tx = eip1559(31337L, 0, ONE_ETH, "");
        // web3j ignores the chain id argument for a type-2 transaction...
        assertArrayEquals(TransactionEncoder.signMessage(tx, 31337L, CREDENTIALS), TransactionEncoder.signMessage(tx, 1L, CREDENTIALS));
        // ...restake4j refuses to sign instead.
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> signer.signTransaction(tx, 1L));
        assertEquals("the transaction is for chain 31337 but signing was asked for chain 1; refusing to sign", e.getMessage());
        assertThrows(InvalidInputException.class, () -> PrivateKeySigner.of("0x" + TestKeys.KEY).signTransaction(tx, 1L));
    }

    @Test
    void refusesANonPositiveChainId() {
        assertThrows(InvalidInputException.class, () -> signer.signTransaction(legacy(0, ONE_ETH, ""), 0L));
        assertThrows(InvalidInputException.class, () -> signer.signTransaction(legacy(0, ONE_ETH, ""), -1L));
        assertThrows(InvalidInputException.class,
                () -> PrivateKeySigner.of(TestKeys.KEY).signTransaction(legacy(0, ONE_ETH, ""), 0L));
    }

    @Test
    void refusesSignaturesThatDoNotHold() throws Exception {
        ECKeyPair key = CREDENTIALS.getEcKeyPair();
        ECKeyPair other = ECKeyPair.create(BigInteger.valueOf(12345));
        RawTransaction tx = eip1559(1L, 0, ONE_ETH, "");

        Signer wrongKey = fake(hash -> Sign.signMessage(hash, other, false));
        assertTrue(assertThrows(RestakeException.class, () -> wrongKey.signTransaction(tx, 1L)).getMessage()
                .contains("not by its own address"));

        Signer yParityV = fake(hash -> {
            Sign.SignatureData s = Sign.signMessage(hash, key, false);
            return new Sign.SignatureData((byte) (s.getV()[0] - 27), s.getR(), s.getS());
        });
        assertThrows(RestakeException.class, () -> yParityV.signTransaction(tx, 1L));
        assertThrows(RestakeException.class, () -> yParityV.signTypedData(SignTypedDataTest.permit(ADDRESS)));

        Signer flippedV = fake(hash -> {
            Sign.SignatureData s = Sign.signMessage(hash, key, false);
            return new Sign.SignatureData((byte) (55 - s.getV()[0]), s.getR(), s.getS());
        });
        assertThrows(RestakeException.class, () -> flippedV.signTransaction(tx, 1L));

        Signer highS = fake(hash -> {
            Sign.SignatureData s = Sign.signMessage(hash, key, false);
            BigInteger high = Sign.CURVE_PARAMS.getN().subtract(Numeric.toBigInt(s.getS()));
            return new Sign.SignatureData((byte) (55 - s.getV()[0]), s.getR(), Numeric.toBytesPadded(high, 32));
        });
        RestakeException e = assertThrows(RestakeException.class, () -> highS.signTransaction(legacy(0, ONE_ETH, ""), 1L));
        assertTrue(e.getMessage().contains("high-s"), e.getMessage());

        Signer trimmedR = fake(hash -> {
            Sign.SignatureData s = Sign.signMessage(hash, key, false);
            return new Sign.SignatureData(s.getV(), Numeric.toBigInt(s.getR()).toByteArray(), s.getS());
        });
        // toByteArray() is 33 bytes when the top bit is set, otherwise 32 or fewer: never accepted unless 32.
        for (int nonce = 0; nonce < 8; nonce++) {
            RawTransaction n = legacy(nonce, ONE_ETH, "");
            byte[] r = Sign.signMessage(Hash.sha3(TransactionEncoder.encode(n, 1L)), key, false).getR();
            if (Numeric.toBigInt(r).toByteArray().length != 32) {
                assertThrows(RestakeException.class, () -> trimmedR.signTransaction(n, 1L));
            }
        }

        Signer nothing = fake(hash -> null);
        assertThrows(RestakeException.class, () -> nothing.signTransaction(tx, 1L));
    }

    private static Signer fake(java.util.function.Function<byte[], Sign.SignatureData> sign) {
        return new Signer() {
            @Override
            public String address() {
                return ADDRESS;
            }

            @Override
            public Sign.SignatureData signHash(byte[] hash) {
                return sign.apply(hash);
            }
        };
    }

    private static List<?> typedFields(byte[] raw) {
        byte[] body = java.util.Arrays.copyOfRange(raw, 1, raw.length);
        return ((RlpList) RlpDecoder.decode(body).getValues().get(0)).getValues();
    }
}
